package dev.tracelens.ui.task;

import javafx.application.Platform;
import javafx.concurrent.Task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each {@link BackgroundTask} as a JavaFX {@link Task} on a daemon worker thread; its
 * callbacks run on the FX application thread. Cancelling drops the result; for interruptible
 * tasks (imports) it also interrupts the worker, which the engine answers with a {@link
 * CancellationException}.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService workers;

    public FxTaskExecutor() {
        workers = Executors.newCachedThreadPool(workerThreads());
    }

    /**
     * Daemon threads below the FX and render threads, so that a busy import never competes with
     * drawing on a small machine: the nice value on Linux ({@link BackgroundPriority}), the Java
     * priority on Windows and macOS.
     */
    static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(() -> {
                BackgroundPriority.lowerCurrentThread();
                r.run();
            }, "tracelens-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
    }

    @Override
    public <V> TaskHandle execute(BackgroundTask<V> task) {
        if (workers.isShutdown()) {
            // The window is closing: late callbacks (a reload after the last commit) have nobody to show to.
            return TaskHandle.DONE;
        }
        task.bindUiThread(Platform::runLater);
        Task<V> fxTask = new Task<>() {
            @Override
            protected V call() throws Exception {
                return task.run();
            }
        };
        // A result can reach the FX thread after cancel() (the worker finished just before it);
        // the flag makes sure a cancelled task never reports success, and reports only once.
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean reported = new AtomicBoolean();
        fxTask.setOnSucceeded(e -> {
            if (!cancelled.get() && reported.compareAndSet(false, true)) {
                task.succeeded(fxTask.getValue());
            }
        });
        fxTask.setOnCancelled(e -> {
            if (reported.compareAndSet(false, true)) {
                task.cancelled();
            }
        });
        fxTask.setOnFailed(e -> {
            if (!reported.compareAndSet(false, true)) {
                return;
            }
            Throwable t = fxTask.getException();
            if (cancelled.get() || t instanceof CancellationException) {
                task.cancelled();
            } else if (t instanceof Exception ex) {
                task.failed(ex);
            } else {
                task.failed(new RuntimeException(t));
            }
        });
        try {
            workers.execute(fxTask);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return TaskHandle.DONE;
        }
        return () -> {
            if (!reported.get()) {
                cancelled.set(true);
            }
            fxTask.cancel(task.mayInterrupt());
        };
    }

    @Override
    public void runOnUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /**
     * Lets running tasks end (a query takes milliseconds; imports were cancelled by the caller)
     * before interrupting what is left: an interrupt in the middle of a Lucene write is what the
     * store is least happy with.
     */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(3, java.util.concurrent.TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
