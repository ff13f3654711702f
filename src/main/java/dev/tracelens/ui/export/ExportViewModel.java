package dev.tracelens.ui.export;

import dev.tracelens.engine.ExportListener;
import dev.tracelens.engine.ExportRequest;
import dev.tracelens.engine.GroupQuery;
import dev.tracelens.engine.GroupRow;
import dev.tracelens.engine.TracebackLibrary;
import dev.tracelens.ui.task.BackgroundTask;
import dev.tracelens.ui.task.TaskExecutor;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * File → Export…: turns the dialog's choices and the window's current search, filters and
 * selection into a report request, runs it in the background with progress and cancel, and
 * says how it ended. The file is written atomically by the engine, so a failed or cancelled
 * export leaves nothing behind.
 */
public final class ExportViewModel {
    public enum State { IDLE, RUNNING, DONE, FAILED, CANCELLED }

    private final TracebackLibrary library;
    private final TaskExecutor executor;
    private final Supplier<GroupQuery> query;
    private final Supplier<GroupRow> selected;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private ExportOptions lastOptions = ExportOptions.DEFAULT;
    private Path lastFolder;
    private AtomicBoolean cancelFlag = new AtomicBoolean();

    /**
     * @param query    the groups list's current search and filters
     * @param selected the selected group, or null
     * @param clock    for the default file name's date
     */
    public ExportViewModel(TracebackLibrary library, TaskExecutor executor, Supplier<GroupQuery> query,
                           Supplier<GroupRow> selected, Clock clock) {
        this.library = Objects.requireNonNull(library);
        this.executor = Objects.requireNonNull(executor);
        this.query = Objects.requireNonNull(query);
        this.selected = Objects.requireNonNull(selected);
        this.clock = Objects.requireNonNull(clock);
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Fraction of the groups written, 0..1; -1 while the group list is read. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the status area says: "Exporting 3 of 12 groups…", "Wrote 12 groups to …", or the error. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The file written by the last successful export; null before. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The dialog's choices of the last export, to start from next time. */
    public ExportOptions lastOptions() {
        return lastOptions;
    }

    /** The folder of the last export; null before the first. */
    public Path lastFolder() {
        return lastFolder;
    }

    /** The selected group, for the dialog's "only the selected group" choice; null when none. */
    public GroupRow selectedGroup() {
        return selected.get();
    }

    /** {@code tracelens-report-2026-11-23.html}, with the format's extension. */
    public String defaultFileName(ExportOptions options) {
        return "tracelens-report-" + LocalDate.now(clock) + "." + options.format().extension();
    }

    /** The request for these choices under the current search, filters and selection. */
    public ExportRequest request(ExportOptions options) {
        GroupRow group = selected.get();
        if (options.selectedGroupOnly() && group == null) {
            throw new IllegalStateException("no group is selected");
        }
        List<String> fingerprints = options.selectedGroupOnly() ? List.of(group.fingerprint()) : List.of();
        return new ExportRequest(options.format(), query.get().toFilter(), fingerprints, options.occurrences(),
                ExportRequest.DEFAULT_TITLE);
    }

    /** Starts the export to {@code target}; ignored while one runs. */
    public void export(ExportOptions options, Path target) {
        if (state.get() == State.RUNNING) {
            return;
        }
        ExportRequest request;
        try {
            request = request(options);
        } catch (IllegalStateException e) {
            finish(State.FAILED, "Nothing exported: " + e.getMessage());
            return;
        }
        lastOptions = options;
        Path absolute = target.toAbsolutePath();
        lastFolder = absolute.getParent();
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelFlag = cancelled;
        state.set(State.RUNNING);
        progress.set(-1);
        message.set("Exporting to " + absolute.getFileName() + "…");
        BackgroundTask<Long> task = new BackgroundTask<>() {
            @Override
            protected Long call() throws Exception {
                return library.export(request, absolute, new ExportListener() {
                    @Override
                    public void onGroupWritten(long written, long total) {
                        publish(() -> {
                            progress.set(total == 0 ? 1 : (double) written / total);
                            message.set(String.format(Locale.ROOT, "Exporting %,d of %,d groups to %s…", written,
                                    total, absolute.getFileName()));
                        });
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancelled.get();
                    }
                });
            }
        };
        task.onSuccess(groups -> {
            file.set(absolute);
            progress.set(1);
            finish(State.DONE, String.format(Locale.ROOT, "Wrote %,d %s to %s", groups,
                    groups == 1 ? "group" : "groups", absolute.getFileName()));
        }).onFailure(e -> finish(State.FAILED, "Export failed, no file written: " + reason(e)))
                .onCancelled(() -> finish(State.CANCELLED, "Export cancelled, no file written"));
        executor.execute(task);
    }

    /**
     * Stops a running export before its next group; the target is left as it was. Only a flag:
     * the task ends by itself, so "cancelled" is said once the temporary file is gone, and an
     * export that finished first is reported as written (it is).
     */
    public void cancel() {
        cancelFlag.set(true);
    }

    /** Hides how the last export ended. */
    public void dismiss() {
        if (state.get() != State.RUNNING) {
            state.set(State.IDLE);
            message.set("");
        }
    }

    private void finish(State end, String text) {
        state.set(end);
        message.set(text);
    }

    private static String reason(Exception e) {
        Throwable t = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        if (t instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (t instanceof NoSuchFileException n) {
            return "no such folder: " + n.getFile();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
