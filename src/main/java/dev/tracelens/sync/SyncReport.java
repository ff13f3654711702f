package dev.tracelens.sync;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one sync run.
 *
 * @param downloaded      archives this run downloaded and verified, in key order
 * @param alreadySynced   archives in the range that were already synced
 * @param failed          archives that failed after the retries, with reasons
 * @param bytesDownloaded bytes received from S3 in this run
 * @param elapsed         wall time of the run
 * @param handoffTime     time spent in the caller's {@code Consumer<SyncedArchive>} (e.g. import)
 * @param cancelled       true if the run was cancelled before it finished
 * @param stillUnreadable archives an earlier sync could not read, unchanged since: skipped
 */
public record SyncReport(List<SyncedArchive> downloaded, List<SyncedArchive> alreadySynced,
                         List<FailedArchive> failed, long bytesDownloaded, Duration elapsed,
                         Duration handoffTime, boolean cancelled, List<FailedArchive> stillUnreadable) {

    public SyncReport {
        downloaded = List.copyOf(downloaded);
        alreadySynced = List.copyOf(alreadySynced);
        failed = List.copyOf(failed);
        stillUnreadable = List.copyOf(stillUnreadable);
    }

    public SyncReport(List<SyncedArchive> downloaded, List<SyncedArchive> alreadySynced, List<FailedArchive> failed,
                      long bytesDownloaded, Duration elapsed, Duration handoffTime, boolean cancelled) {
        this(downloaded, alreadySynced, failed, bytesDownloaded, elapsed, handoffTime, cancelled, List.of());
    }

    /** This report with more failures (archives the import could not read). */
    public SyncReport withFailed(List<FailedArchive> more) {
        List<FailedArchive> all = new java.util.ArrayList<>(failed);
        all.addAll(more);
        return new SyncReport(downloaded, alreadySynced, all, bytesDownloaded, elapsed, handoffTime, cancelled, stillUnreadable);
    }

    /** True when everything in the plan is synced and nothing was cancelled. */
    public boolean complete() {
        return failed.isEmpty() && !cancelled;
    }
}
