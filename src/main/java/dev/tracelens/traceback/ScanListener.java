package dev.tracelens.traceback;

import dev.tracelens.archive.ArchiveSummary;
import dev.tracelens.archive.Problem;

import java.util.List;
import java.util.function.Supplier;

/** What a {@link TracebackScanner} reports, on the scanning thread, in input order. */
public interface ScanListener {

    /** A rebuilt traceback, emitted once it is complete (or cut off). */
    void onTraceback(Traceback traceback);

    /** A bad row or file; the scan goes on. */
    default void onProblem(Problem problem) {
    }

    /** Before the first row of an archive file. */
    default void onArchiveStart(String archive, long sizeBytes) {
    }

    /**
     * After the last row of an archive file. Tracebacks still open at this point (they may go on
     * in the next file) are not emitted yet.
     */
    default void onArchiveEnd(ArchiveSummary summary) {
    }

    /**
     * After the last row of an archive file, with the tracebacks still open at that point as
     * provisional copies ({@link TracebackAssembler#pending()}: what the scan would emit for them
     * if the input ended here; each names the archive of its header row). The copies are built
     * only when {@code stillOpen} is called. The scanner calls this one; by default it ignores
     * them and calls {@link #onArchiveEnd(ArchiveSummary)}.
     */
    default void onArchiveEnd(ArchiveSummary summary, Supplier<List<Traceback>> stillOpen) {
        onArchiveEnd(summary);
    }
}
