package dev.tracelens.engine;

/** What a running export reports, on the exporting thread, and how it is asked to stop. */
public interface ExportListener {
    ExportListener NONE = new ExportListener() { };

    /** After each group written; {@code total} is known from the start (the group list is read first). */
    default void onGroupWritten(long written, long total) {
    }

    /**
     * Checked before each group; true stops the export with a {@link
     * java.util.concurrent.CancellationException} and leaves no file behind. A flag rather than
     * an interrupt: an interrupt during a store read closes the store's files for good.
     */
    default boolean isCancelled() {
        return false;
    }
}
