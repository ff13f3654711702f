package dev.tracelens.ui.archives;

import dev.tracelens.engine.TracebackLibrary;
import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.ui.common.Formats;
import dev.tracelens.ui.task.BackgroundTask;
import dev.tracelens.ui.task.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;

/**
 * File → Imported archives…: the archives in the store (name, rows, tracebacks, when imported,
 * problems) and removing one, which deletes its tracebacks from the store (importing it again
 * brings them back). Loads and removes in the background.
 */
public final class ArchivesViewModel {
    private final TracebackLibrary library;
    private final TaskExecutor executor;
    private final Runnable onRemoved;
    private final ObservableList<ArchiveRecord> archives = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    /** @param onRemoved runs on the FX thread after a removal (the groups list reloads) */
    public ArchivesViewModel(TracebackLibrary library, TaskExecutor executor, Runnable onRemoved) {
        this.library = Objects.requireNonNull(library);
        this.executor = Objects.requireNonNull(executor);
        this.onRemoved = onRemoved == null ? () -> { } : onRemoved;
    }

    public ObservableList<ArchiveRecord> archives() {
        return archives;
    }

    /** "12 archives, 3,402 tracebacks" or what a removal did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The problems column: bad rows, and whether the file could not be read to its end. */
    public static String problems(ArchiveRecord a) {
        String bad = a.badRows() == 0 ? "" : Formats.count(a.badRows(), "bad row");
        String cut = a.complete() ? "" : "not read to the end";
        return bad.isEmpty() ? cut : cut.isEmpty() ? bad : bad + ", " + cut;
    }

    public void reload() {
        busy.set(true);
        executor.execute(BackgroundTask.of(library::archives)
                .onSuccess(list -> {
                    archives.setAll(list);
                    message.set(summary(list));
                })
                .onFailure(e -> message.set("The archives could not be listed: " + e.getMessage()))
                .onFinished(() -> busy.set(false)));
    }

    /** Deletes the archive's tracebacks and its record from the store, then lists again. */
    public void remove(ArchiveRecord archive) {
        if (archive == null || busy.get()) {
            return;
        }
        busy.set(true);
        String name = archive.name();
        executor.execute(BackgroundTask.of(() -> library.removeArchive(name))
                .onSuccess(n -> {
                    message.set(n < 0 ? name + " was no longer in the store"
                            : "Removed " + name + " and its " + Formats.count(n, "traceback")
                            + "; open it again to bring them back");
                    busy.set(false);
                    onRemoved.run();
                    reloadKeepingMessage();
                })
                .onFailure(e -> {
                    message.set("Could not remove " + name + ": " + e.getMessage());
                    busy.set(false);
                }));
    }

    private void reloadKeepingMessage() {
        executor.execute(BackgroundTask.of(library::archives).onSuccess(archives::setAll));
    }

    private static String summary(List<ArchiveRecord> list) {
        long tracebacks = list.stream().mapToLong(ArchiveRecord::tracebacks).sum();
        return Formats.count(list.size(), "archive") + ", " + Formats.count(tracebacks, "traceback");
    }
}
