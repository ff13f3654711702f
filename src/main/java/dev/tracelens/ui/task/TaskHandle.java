package dev.tracelens.ui.task;

/** A submitted {@link BackgroundTask}: lets the caller cancel it. */
public interface TaskHandle {
    /** Interrupts the task; its {@code onCancelled} runs on the UI thread. No-op once finished. */
    void cancel();

    boolean isDone();
}
