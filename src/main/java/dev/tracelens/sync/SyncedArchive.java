package dev.tracelens.sync;

import java.nio.file.Path;

/**
 * An archive that is complete in the local cache and ready to import.
 *
 * @param key        the S3 key it came from
 * @param localFile  the verified file in the cache
 * @param etag       the ETag it was downloaded at (the store's registry uses it to skip re-imports)
 * @param size       size in bytes
 * @param downloaded true if this run synced it (downloaded it, or found it complete and verified in
 *                   the cache after an earlier run was killed), false if it was synced before
 */
public record SyncedArchive(String key, Path localFile, String etag, long size, boolean downloaded) {
}
