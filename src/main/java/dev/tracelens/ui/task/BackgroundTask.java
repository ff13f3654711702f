package dev.tracelens.ui.task;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Work that must not run on the UI thread (reading, importing, querying), with reactions that
 * must. A {@link TaskExecutor} runs {@link #call()} somewhere else and the callbacks on its UI
 * thread, so view models stay free of threading code and tests can run them synchronously
 * with {@link CurrentThreadTaskExecutor}.
 *
 * <p>Cancellation is by interrupt: {@code call()} should let the {@link
 * java.util.concurrent.CancellationException} of the engine pass.
 *
 * @param <V> the result
 */
public abstract class BackgroundTask<V> {
    private Consumer<? super V> onSuccess = v -> { };
    private Consumer<? super Exception> onFailure = e -> { };
    private Runnable onCancelled = () -> { };
    private Runnable onFinished = () -> { };
    private volatile Executor uiThread = Runnable::run;
    private final AtomicBoolean updatePending = new AtomicBoolean();
    private final AtomicReference<Runnable> latestUpdate = new AtomicReference<>();

    /**
     * Whether cancelling may interrupt the worker thread. Only for work built to stop on an
     * interrupt (imports). Queries are not interrupted, only ignored when cancelled: an interrupt
     * that lands while Lucene writes (an index reopen flushes) closes its files for good.
     */
    protected boolean interruptible() {
        return false;
    }

    /** The work; runs off the UI thread. */
    protected abstract V call() throws Exception;

    public static <V> BackgroundTask<V> of(Callable<V> work) {
        Objects.requireNonNull(work, "work");
        return new BackgroundTask<>() {
            @Override
            protected V call() throws Exception {
                return work.call();
            }
        };
    }

    /** Runs on the UI thread with the result. */
    public BackgroundTask<V> onSuccess(Consumer<? super V> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    /** Runs on the UI thread when {@code call()} throws (but not when it was cancelled). */
    public BackgroundTask<V> onFailure(Consumer<? super Exception> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    /** Runs on the UI thread when the task was cancelled. */
    public BackgroundTask<V> onCancelled(Runnable action) {
        this.onCancelled = Objects.requireNonNull(action);
        return this;
    }

    /** Runs on the UI thread after success, failure or cancellation. */
    public BackgroundTask<V> onFinished(Runnable action) {
        this.onFinished = Objects.requireNonNull(action);
        return this;
    }

    /**
     * Hands a UI update (progress, partial results) to the UI thread. Updates are coalesced: at
     * most one is queued at a time and only the latest runs, so a fast worker cannot flood the
     * UI thread and make it stutter.
     */
    protected final void publish(Runnable uiUpdate) {
        latestUpdate.set(uiUpdate);
        if (updatePending.compareAndSet(false, true)) {
            uiThread.execute(() -> {
                updatePending.set(false);
                Runnable update = latestUpdate.getAndSet(null);
                if (update != null) {
                    update.run();
                }
            });
        }
    }

    // Called by executors only.

    void bindUiThread(Executor ui) {
        this.uiThread = ui;
    }

    boolean mayInterrupt() {
        return interruptible();
    }

    V run() throws Exception {
        return call();
    }

    void succeeded(V value) {
        flushUpdate();
        onSuccess.accept(value);
        onFinished.run();
    }

    void failed(Exception e) {
        flushUpdate();
        onFailure.accept(e);
        onFinished.run();
    }

    void cancelled() {
        latestUpdate.set(null);
        onCancelled.run();
        onFinished.run();
    }

    private void flushUpdate() {
        Runnable update = latestUpdate.getAndSet(null);
        if (update != null) {
            update.run();
        }
    }
}
