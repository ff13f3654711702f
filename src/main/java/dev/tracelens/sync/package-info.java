/**
 * Syncs Papertrail archives from S3 (or an S3-compatible store) into a local cache.
 *
 * <p>{@link dev.tracelens.sync.S3ArchiveSync} is the entry point: {@code plan(from, to)} lists only
 * the {@code <prefix>/dt=YYYY-MM-DD/} folders of the range and compares each object with the
 * {@link dev.tracelens.sync.SyncState}; {@code run}/{@code runBatches} download what is new,
 * changed or failed before, with bounded parallelism, and hand every synced archive of the range
 * to the caller in time order while later downloads go on. The package produces archive files
 * only: it imports nothing of ours, and the CLI passes the files on to the store.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>A file under its final name is always complete: downloads go to an ETag-named
 *       {@code .part} file, are checked (size; MD5 when the ETag is one) and renamed atomically.
 *       A body cut off mid-way, or a part left by a killed run, is resumed with a Range request
 *       guarded by If-Match.</li>
 *   <li>Keys are untrusted and never used as paths ({@link dev.tracelens.sync.ArchiveCache}).</li>
 *   <li>Credentials stay in the AWS SDK's chain; settings hold none and messages
 *       ({@link dev.tracelens.sync.S3Errors}) are built without them.</li>
 *   <li>Request-level faults (503 SlowDown, 500s, refused connections) are retried by the SDK's
 *       standard retry strategy; after the retries a key goes into the failed list with a reason.</li>
 * </ul>
 */
package dev.tracelens.sync;
