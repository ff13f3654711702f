package dev.tracelens.sync;

import java.nio.file.Path;

/**
 * An archive in a sync plan and what the sync will do with it.
 *
 * @param remote    the object as listed
 * @param status    how it compares with the local cache
 * @param localFile where it lives (or will live) in the cache
 */
public record PlannedArchive(RemoteArchive remote, Status status, Path localFile) {

    /** How a listed archive compares with the local cache. */
    public enum Status {
        /** Not in the cache yet. */
        NEW,
        /** In the cache, but S3 now has a different ETag or size. */
        CHANGED,
        /** In the cache at the listed ETag and size: nothing to download. */
        SYNCED,
        /** An earlier sync gave up on it; it is tried again. */
        FAILED,
        /**
         * Synced before, but it could not be read (not an archive, damaged), and S3 still has it at
         * the same ETag and size: neither downloaded nor imported again ({@code --retry-failed} does).
         */
        UNREADABLE;

        /** Whether the sync downloads archives in this state. */
        public boolean needsDownload() {
            return this != SYNCED && this != UNREADABLE;
        }
    }
}
