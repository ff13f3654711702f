package dev.tracelens.sync;

import java.nio.file.Path;

/**
 * An archive that is complete in the local cache and ready to import.
 *
 * @param key        the S3 key it came from
 * @param localFile  the verified file in the cache
 * @param etag       the ETag it was downloaded at (the store's registry uses it to skip re-imports)
 * @param size       size in bytes
 * @param downloaded true if this run downloaded it, false if it was already synced before
 */
public record SyncedArchive(String key, Path localFile, String etag, long size, boolean downloaded) {
}
