package dev.tracelens.store;

import dev.tracelens.archive.ArchiveSummary;
import dev.tracelens.archive.Problem;
import dev.tracelens.traceback.ScanListener;
import dev.tracelens.traceback.Traceback;

import java.util.List;
import java.util.function.Supplier;

/** Passes every callback on; tests override one to fail or stop at a chosen point of a real scan. */
class ForwardingListener implements ScanListener {
    private final ScanListener next;

    ForwardingListener(ScanListener next) {
        this.next = next;
    }

    @Override
    public void onTraceback(Traceback traceback) {
        next.onTraceback(traceback);
    }

    @Override
    public void onProblem(Problem problem) {
        next.onProblem(problem);
    }

    @Override
    public void onArchiveStart(String archive, long sizeBytes) {
        next.onArchiveStart(archive, sizeBytes);
    }

    @Override
    public void onArchiveEnd(ArchiveSummary summary, Supplier<List<Traceback>> stillOpen) {
        next.onArchiveEnd(summary, stillOpen);
    }
}
