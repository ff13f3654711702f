package dev.tracelens.ui.task;

/**
 * Runs {@link BackgroundTask}s off the UI thread and their callbacks on it. View models get one
 * through their constructor: {@link FxTaskExecutor} in the app, {@link
 * CurrentThreadTaskExecutor} in plain JUnit tests.
 */
public interface TaskExecutor extends AutoCloseable {

    <V> TaskHandle execute(BackgroundTask<V> task);

    /** Runs an action on the UI thread (later, or now when already on it in tests). */
    void runOnUi(Runnable action);

    /** Cancels what is running and stops accepting tasks. */
    @Override
    void close();
}
