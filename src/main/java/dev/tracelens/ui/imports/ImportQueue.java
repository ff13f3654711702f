package dev.tracelens.ui.imports;

import dev.tracelens.archive.Problem;
import dev.tracelens.engine.TracebackLibrary;
import dev.tracelens.store.ImportResult;
import dev.tracelens.ui.task.TaskExecutor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;

/**
 * Imports run one after another (the store has one writer); more can be queued meanwhile. Bad
 * rows and files land in {@link #problems()} and never stop the queue.
 */
public final class ImportQueue {
    /** Problems kept for the panel; the count goes on past it. */
    public static final int MAX_PROBLEMS_SHOWN = 10_000;

    private final TracebackLibrary library;
    private final TaskExecutor executor;
    private final IntSupplier contextRows;
    private final java.util.function.Supplier<dev.tracelens.traceback.TraceOptions> tracing;
    private final Runnable onCommitted;
    private LongConsumer onProgress = n -> { };
    private final Queue<ImportJob> waiting = new ArrayDeque<>();
    private final ObservableList<ImportJob> jobs = FXCollections.observableArrayList();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper problemCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<ImportJob> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper queued = new ReadOnlyIntegerWrapper();

    /**
     * @param onCommitted runs on the UI thread whenever an archive's tracebacks became visible,
     *                    and after each job ends
     */
    public ImportQueue(TracebackLibrary library, TaskExecutor executor, IntSupplier contextRows, Runnable onCommitted) {
        this(library, executor, contextRows, () -> dev.tracelens.traceback.TraceOptions.DEFAULT, onCommitted);
    }

    /**
     * @param tracing     how the next import rebuilds traces (the user's in-app prefixes from the
     *                    settings), asked when each job starts
     * @param onCommitted runs on the UI thread whenever an archive's tracebacks became visible,
     *                    and after each job ends
     */
    public ImportQueue(TracebackLibrary library, TaskExecutor executor, IntSupplier contextRows,
                       java.util.function.Supplier<dev.tracelens.traceback.TraceOptions> tracing, Runnable onCommitted) {
        this.library = Objects.requireNonNull(library);
        this.executor = Objects.requireNonNull(executor);
        this.contextRows = contextRows;
        this.tracing = Objects.requireNonNull(tracing);
        this.onCommitted = onCommitted;
    }

    /** Runs on the UI thread with the running import's tracebacks so far, a few times a second. */
    public void setOnProgress(LongConsumer action) {
        this.onProgress = Objects.requireNonNull(action);
    }

    /** Every job of this session, oldest first. */
    public ObservableList<ImportJob> jobs() {
        return jobs;
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    public ReadOnlyIntegerProperty problemCountProperty() {
        return problemCount.getReadOnlyProperty();
    }

    /** The running job, null when idle. */
    public ReadOnlyObjectProperty<ImportJob> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Jobs waiting behind the current one. */
    public ReadOnlyIntegerProperty queuedProperty() {
        return queued.getReadOnlyProperty();
    }

    public ImportJob enqueue(List<Path> paths) {
        return enqueue(paths, dev.tracelens.archive.ReaderOptions.defaults());
    }

    /** Queues these files and folders, read as {@code reading} says (a forced format, fields, a text pattern). */
    public ImportJob enqueue(List<Path> paths, dev.tracelens.archive.ReaderOptions reading) {
        ImportJob job = new ImportJob(paths, reading);
        jobs.add(job);
        waiting.add(job);
        queued.set(waiting.size());
        if (current.get() == null) {
            startNext();
        }
        return job;
    }

    /** Cancels the running job and every waiting one. */
    public void cancelAll() {
        for (ImportJob j : List.copyOf(waiting)) {
            j.cancel();
        }
        waiting.clear();
        queued.set(0);
        if (current.get() != null) {
            current.get().cancel();
        }
    }

    public void clearProblems() {
        problems.clear();
        problemCount.set(0);
    }

    private void startNext() {
        ImportJob job = waiting.poll();
        queued.set(waiting.size());
        if (job == null) {
            current.set(null);
            return;
        }
        if (job.cancelRequested()) {
            startNext();
            return;
        }
        current.set(job);
        ImportTask task = new ImportTask(library, job, contextRows.getAsInt(), tracing.get(), problems -> {
            job.noteProblems(problems);
            addProblems(problems);
        }, onCommitted, n -> onProgress.accept(n));
        task.onSuccess(outcome -> {
                    job.finish(ImportJob.State.DONE, describe(outcome));
                    job.ended(outcome);
                })
                .onCancelled(() -> {
                    job.finish(ImportJob.State.CANCELLED, "Cancelled; archives imported before stay in the store");
                    job.ended(null);
                })
                .onFailure(e -> {
                    job.ended(null);
                    job.finish(ImportJob.State.FAILED, "Failed: " + e.getMessage());
                    addProblems(List.of(new Problem(job.title(), 0, Problem.Kind.UNREADABLE_FILE,
                            "import failed: " + e.getMessage())));
                })
                .onFinished(() -> {
                    onCommitted.run();
                    startNext();
                });
        job.starting();
        job.attach(executor.execute(task));
    }

    private void addProblems(List<Problem> batch) {
        problemCount.set(problemCount.get() + batch.size());
        int room = MAX_PROBLEMS_SHOWN - problems.size();
        if (room > 0) {
            problems.addAll(batch.size() <= room ? batch : batch.subList(0, room));
        }
    }

    static String describe(ImportResult o) {
        int imported = o.imported().size();
        int skipped = o.skipped().size();
        String s = String.format(Locale.ROOT, "Imported %d %s, %,d rows, %,d tracebacks", imported,
                imported == 1 ? "archive" : "archives", o.rows(), o.tracebacksWritten());
        if (skipped > 0) {
            s += String.format(Locale.ROOT, "; %d unchanged %s skipped", skipped, skipped == 1 ? "archive" : "archives");
        }
        if (o.badRows() > 0) {
            s += String.format(Locale.ROOT, "; %,d bad rows", o.badRows());
        }
        return s;
    }
}
