package dev.tracelens.sync;

/**
 * A snapshot of a running sync, for a progress line or bar.
 *
 * @param filesDone       archives finished (synced or failed)
 * @param filesTotal      archives to download
 * @param bytesDone       bytes received so far in this run
 * @param bytesTotal      bytes to download
 * @param currentKey      the key most recently worked on (null when idle)
 * @param bytesPerSecond  average receive rate since the sync started
 */
public record SyncProgress(int filesDone, int filesTotal, long bytesDone, long bytesTotal,
                           String currentKey, double bytesPerSecond) {
}
