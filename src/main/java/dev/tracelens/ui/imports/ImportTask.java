package dev.tracelens.ui.imports;

import dev.tracelens.archive.Problem;
import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ImportResult;
import dev.tracelens.engine.TracebackLibrary;
import dev.tracelens.ui.task.BackgroundTask;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs one {@link ImportJob} on a worker thread. What the importer reports is gathered here and
 * handed to the UI thread in coalesced batches (at most one pending), so a file with a million
 * bad rows cannot flood the UI.
 */
final class ImportTask extends BackgroundTask<ImportResult> {
    private final TracebackLibrary library;
    private final ImportJob job;
    private final int contextRows;
    private final dev.tracelens.traceback.TraceOptions tracing;
    private final Consumer<List<Problem>> problems;
    private final Runnable committed;
    private final ProgressTick tick;
    private final ConcurrentLinkedQueue<Problem> pendingProblems = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean pendingCommit = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger committedArchives = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong bytesDone = new AtomicLong();
    private final long started = System.nanoTime();

    /** Told on the UI thread how many tracebacks the running import has found so far. */
    @FunctionalInterface
    interface ProgressTick {
        void tracebacksSoFar(long tracebacks);
    }

    ImportTask(TracebackLibrary library, ImportJob job, int contextRows, dev.tracelens.traceback.TraceOptions tracing,
               Consumer<List<Problem>> problems, Runnable committed, ProgressTick tick) {
        this.tracing = tracing;
        this.tick = tick;
        this.library = library;
        this.job = job;
        this.contextRows = contextRows;
        this.problems = problems;
        this.committed = committed;
    }

    /** The reader and the importer stop on an interrupt, leaving the store at its last commit. */
    @Override
    protected boolean interruptible() {
        return true;
    }

    @Override
    protected ImportResult call() {
        return library.importArchives(job.paths(), contextRows, job.reading(), tracing, new ImportListener() {
            private String lastFile = "";
            private long lastBytes;

            @Override
            public void onProgress(String archive, long fileBytesRead, long fileSize, long rows, long tracebacks) {
                if (!archive.equals(lastFile)) {
                    lastFile = archive;
                    lastBytes = 0;
                }
                bytesDone.addAndGet(fileBytesRead - lastBytes);
                lastBytes = fileBytesRead;
                double seconds = (System.nanoTime() - started) / 1e9;
                long all = bytesDone.get();
                publish(() -> {
                    deliver();
                    job.progress(archive, fileBytesRead, fileSize, rows, tracebacks, seconds, all);
                    tick.tracebacksSoFar(tracebacks);
                });
            }

            @Override
            public void onProblem(Problem problem) {
                pendingProblems.add(problem);
                publish(ImportTask.this::deliver);
            }

            @Override
            public void onImported(ArchiveRecord archive) {
                committedArchives.incrementAndGet();
                pendingCommit.set(true);
                publish(ImportTask.this::deliver);
            }
        });
    }

    /** On the UI thread: passes on the problems and commits gathered since the last call. */
    void deliver() {
        List<Problem> batch = new ArrayList<>();
        for (Problem p; (p = pendingProblems.poll()) != null; ) {
            batch.add(p);
        }
        if (!batch.isEmpty()) {
            problems.accept(batch);
        }
        if (pendingCommit.getAndSet(false)) {
            job.archivesCommitted(committedArchives.get());
            committed.run();
        }
    }
}
