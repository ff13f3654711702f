package dev.tracelens.ui.imports;

import dev.tracelens.archive.Problem;
import dev.tracelens.store.ImportResult;
import dev.tracelens.ui.task.TaskHandle;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One queued import as the status bar shows it: what it reads, how far it is (fraction of the
 * current file, bytes, rows, rate) and how it ended. Updated on the UI thread only.
 */
public final class ImportJob {
    public enum State { QUEUED, RUNNING, DONE, CANCELLED, FAILED }

    private final List<Path> paths;
    private final dev.tracelens.archive.ReaderOptions reading;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.QUEUED);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper currentFile = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("Waiting");
    private final ReadOnlyIntegerWrapper archivesCommitted = new ReadOnlyIntegerWrapper();
    private TaskHandle handle;
    private boolean cancelRequested;
    private final java.util.concurrent.CompletableFuture<ImportResult> result = new java.util.concurrent.CompletableFuture<>();
    private final List<Problem> fileProblems = new ArrayList<>();

    public ImportJob(List<Path> paths) {
        this(paths, dev.tracelens.archive.ReaderOptions.defaults());
    }

    /** @param reading how the files are read ("Open as…", a sync prefix's format); defaults: told per file */
    public ImportJob(List<Path> paths, dev.tracelens.archive.ReaderOptions reading) {
        this.paths = List.copyOf(paths);
        this.reading = java.util.Objects.requireNonNull(reading);
    }

    public List<Path> paths() {
        return paths;
    }

    public dev.tracelens.archive.ReaderOptions reading() {
        return reading;
    }

    /** "3 files" or the one file's name. */
    public String title() {
        if (paths.size() == 1) {
            Path name = paths.getFirst().getFileName();
            return name == null ? paths.getFirst().toString() : name.toString();
        }
        return paths.size() + " files and folders";
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Fraction of the current file read, 0..1; -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentFileProperty() {
        return currentFile.getReadOnlyProperty();
    }

    /** "12.3 of 95.0 MB · 1,204,332 rows · 38.2 MB/s · 17 tracebacks". */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Archives of this job whose tracebacks are committed (kept even if the job is cancelled later). */
    public ReadOnlyIntegerProperty archivesCommittedProperty() {
        return archivesCommitted.getReadOnlyProperty();
    }

    /**
     * The import's result once the job ended, completed on the UI thread: null when it was cancelled
     * or failed. The Sync window reads from it which synced archives could not be read.
     */
    public java.util.concurrent.CompletionStage<ImportResult> result() {
        return result;
    }

    /** The problems about whole files (row 0) the job reported, e.g. why an archive could not be read. */
    public List<Problem> fileProblems() {
        return List.copyOf(fileProblems);
    }

    void noteProblems(List<Problem> problems) {
        for (Problem p : problems) {
            if (p.row() == 0) {
                fileProblems.add(p);
            }
        }
    }

    void ended(ImportResult outcome) {
        result.complete(outcome);
    }

    void archivesCommitted(int n) {
        archivesCommitted.set(n);
    }

    public void cancel() {
        cancelRequested = true;
        if (handle != null) {
            handle.cancel();
        } else if (state.get() == State.QUEUED) {
            finish(State.CANCELLED, "Cancelled before it started");
        }
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    void starting() {
        state.set(State.RUNNING);
        details.set("Starting");
    }

    /** The handle arrives after the task started (or, with a synchronous executor, ended). */
    void attach(TaskHandle h) {
        this.handle = h;
    }

    void progress(String file, long fileBytesRead, long fileSize, long rows, long tracebacks, double seconds,
                  long bytesAllFiles) {
        currentFile.set(file);
        progress.set(fileSize > 0 ? Math.min(1.0, (double) fileBytesRead / fileSize) : -1);
        double rate = seconds > 0.2 ? bytesAllFiles / seconds : 0;
        details.set(String.format(Locale.ROOT, "%s of %s · %,d rows · %s/s · %,d tracebacks",
                bytes(fileBytesRead), bytes(fileSize), rows, bytes((long) rate), tracebacks));
    }

    void finish(State end, String message) {
        state.set(end);
        currentFile.set("");
        details.set(message);
        if (end == State.DONE) {
            progress.set(1);
        }
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", n / (1024.0 * 1024 * 1024));
    }
}
