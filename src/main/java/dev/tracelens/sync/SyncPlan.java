package dev.tracelens.sync;

import java.util.List;

/**
 * What a sync will do, in key order (which for Papertrail's names is time order).
 *
 * @param archives every archive in the range with its status
 */
public record SyncPlan(List<PlannedArchive> archives) {

    public SyncPlan {
        archives = List.copyOf(archives);
    }

    /** The archives that will be downloaded. */
    public List<PlannedArchive> toDownload() {
        return archives.stream().filter(a -> a.status().needsDownload()).toList();
    }

    /** How many archives have the given status. */
    public long count(PlannedArchive.Status status) {
        return archives.stream().filter(a -> a.status() == status).count();
    }

    /** Bytes that will be downloaded (an upper bound when .part files are resumed). */
    public long bytesToDownload() {
        return toDownload().stream().mapToLong(a -> a.remote().size()).sum();
    }
}
