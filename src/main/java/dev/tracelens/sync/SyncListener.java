package dev.tracelens.sync;

/**
 * Hears about a sync while it runs. Methods may be called from download threads, so an
 * implementation must be thread-safe and quick (e.g. update a volatile field, redraw a line).
 */
public interface SyncListener {
    /** The listing is done and the sync knows what it will download. */
    default void planned(SyncPlan plan) {
    }

    /** Progress, at most a few times per second and once per finished archive. */
    default void progress(SyncProgress progress) {
    }

    /** An archive went into the failed list. */
    default void failed(FailedArchive failure) {
    }

    /** A listener that ignores everything. */
    SyncListener NONE = new SyncListener() {
    };
}
