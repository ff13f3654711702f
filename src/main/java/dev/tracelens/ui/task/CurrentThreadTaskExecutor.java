package dev.tracelens.ui.task;

import java.util.concurrent.CancellationException;

/**
 * Runs each task to its end on the calling thread, callbacks included, so that view-model tests
 * are plain sequential code.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <V> TaskHandle execute(BackgroundTask<V> task) {
        task.bindUiThread(Runnable::run);
        try {
            V value = task.run();
            task.succeeded(value);
        } catch (CancellationException e) {
            task.cancelled();
        } catch (Exception e) {
            task.failed(e);
        }
        return TaskHandle.DONE;
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    @Override
    public void close() {
    }
}
