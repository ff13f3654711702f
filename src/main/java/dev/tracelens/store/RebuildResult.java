package dev.tracelens.store;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code tracelens store rebuild} did: the registered archives it imported again into a
 * fresh store, the ones that are gone from disk (their tracebacks are not in the new store), and
 * where the old store was kept.
 *
 * @param store        the store folder, now holding the rebuilt store
 * @param oldStore     where the damaged store was moved (kept until the user deletes it)
 * @param reimported   archives read again
 * @param gone         registered archives no longer on disk (by registered path)
 * @param unreadable   registry records of the old store that could not be read (their archives
 *                     are rebuilt only if named)
 * @param result       the import into the fresh store
 */
public record RebuildResult(Path store, Path oldStore, List<ArchiveRecord> reimported, List<ArchiveRecord> gone,
                            int unreadable, ImportResult result) {
    public RebuildResult {
        reimported = List.copyOf(reimported);
        gone = List.copyOf(gone);
    }
}
