package dev.tracelens.ui.live;

import dev.tracelens.engine.LiveService;
import dev.tracelens.engine.LiveSession;
import dev.tracelens.engine.TracebackLibrary;
import dev.tracelens.traceback.TraceOptions;
import dev.tracelens.ui.task.BackgroundTask;
import dev.tracelens.ui.task.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.function.Supplier;

/**
 * The Live toggle: on, a syslog listener on the settings' address feeds the store (through the
 * engine's {@link LiveSession}); the status says where it listens and the rate. {@link #tick()}
 * (called every second by the view) refreshes the status and, when rows were committed since the
 * last tick, runs {@code onCommitted} so the groups list shows the new tracebacks.
 */
public final class LiveViewModel {
    private final TracebackLibrary library;
    private final TaskExecutor executor;
    private final Supplier<String> address;
    private final Supplier<Integer> contextRows;
    private final Supplier<TraceOptions> tracing;
    private final Runnable onCommitted;
    private final BooleanProperty live = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private LiveSession session;
    private long committed;
    private boolean changing;

    public LiveViewModel(TracebackLibrary library, TaskExecutor executor, Supplier<String> address,
                         Supplier<Integer> contextRows, Supplier<TraceOptions> tracing, Runnable onCommitted) {
        this.library = library;
        this.executor = executor;
        this.address = address;
        this.contextRows = contextRows;
        this.tracing = tracing;
        this.onCommitted = onCommitted;
        live.addListener((o, was, on) -> {
            if (!changing) {
                if (on) {
                    start();
                } else {
                    stop();
                }
            }
        });
    }

    /** On while listening; set it to start or stop. */
    public BooleanProperty liveProperty() {
        return live;
    }

    /** Where it listens and the rate, or why it could not start; blank when off. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private void start() {
        String at = address.get();
        int rows = contextRows.get();
        TraceOptions options = tracing.get();
        status.set("Starting on " + at + "…");
        executor.execute(BackgroundTask.of(() -> library.startLive(at, rows, options, message -> { }))
                .onSuccess(s -> {
                    session = s;
                    committed = 0;
                    if (!live.get()) {
                        stop(); // switched off while starting
                        return;
                    }
                    tick();
                })
                .onFailure(e -> {
                    setLive(false);
                    status.set("Live failed: " + e.getMessage());
                }));
    }

    private void stop() {
        LiveSession s = session;
        session = null;
        if (s == null) {
            return;
        }
        status.set("Stopping…");
        executor.execute(BackgroundTask.of(() -> {
            s.close();
            return s.status();
        }).onSuccess(last -> {
            status.set("");
            onCommitted.run();
        }).onFailure(e -> status.set("Stopping failed: " + e.getMessage())));
    }

    /** Refreshes the status; reloads the groups when rows were committed since the last tick. */
    public void tick() {
        LiveSession s = session;
        if (s == null) {
            return;
        }
        LiveService.Status st = s.status();
        status.set(String.join(", ", s.addresses()) + " · " + String.format("%,.0f rows/s", st.rowsPerSecond())
                + " · " + String.format("%,d rows", st.received())
                + (st.dropped() > 0 ? String.format(" · %,d dropped", st.dropped()) : ""));
        if (st.committedRows() != committed) {
            committed = st.committedRows();
            onCommitted.run();
        }
    }

    /** Stops listening (quitting the app). */
    public void close() {
        LiveSession s = session;
        session = null;
        if (s != null) {
            s.close();
        }
    }

    private void setLive(boolean on) {
        changing = true;
        try {
            live.set(on);
        } finally {
            changing = false;
        }
    }
}
