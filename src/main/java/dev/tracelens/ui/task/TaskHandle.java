package dev.tracelens.ui.task;

/** A submitted {@link BackgroundTask}: lets the caller cancel it. */
@FunctionalInterface
public interface TaskHandle {
    /** A task that has finished (or never ran): cancelling it does nothing. */
    TaskHandle DONE = () -> { };

    /** Interrupts the task; its {@code onCancelled} runs on the UI thread. No-op once finished. */
    void cancel();
}
