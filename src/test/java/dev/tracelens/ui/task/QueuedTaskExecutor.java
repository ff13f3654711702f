package dev.tracelens.ui.task;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;

/**
 * Keeps each task until the test runs it, as a busy worker thread would: a view model's tasks
 * overlap, so a test can see which ones a later task cancels. Callbacks run on the calling thread.
 */
public final class QueuedTaskExecutor implements TaskExecutor {
    private final Deque<Queued<?>> queue = new ArrayDeque<>();
    private int cancelled;

    private static final class Queued<V> {
        final BackgroundTask<V> task;
        boolean cancelled;

        Queued(BackgroundTask<V> task) {
            this.task = task;
        }

        void run() {
            if (cancelled) {
                task.cancelled();
                return;
            }
            try {
                task.succeeded(task.run());
            } catch (CancellationException e) {
                task.cancelled();
            } catch (Exception e) {
                task.failed(e);
            }
        }
    }

    @Override
    public <V> TaskHandle execute(BackgroundTask<V> task) {
        task.bindUiThread(Runnable::run);
        Queued<V> q = new Queued<>(task);
        queue.add(q);
        return () -> {
            if (!q.cancelled && queue.contains(q)) {
                q.cancelled = true;
                cancelled++;
            }
        };
    }

    /** Tasks handed over and not yet run (cancelled ones included). */
    public int waiting() {
        return queue.size();
    }

    /** Tasks cancelled before they ran. */
    public int cancelled() {
        return cancelled;
    }

    /** Runs what is queued, in order, tasks queued meanwhile included. */
    public void runAll() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    @Override
    public void close() {
        queue.clear();
    }
}
