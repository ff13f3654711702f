package dev.tracelens.store;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code tracelens store check} found: whether every file of the store reads back intact
 * (checksums, structure, every document), and if not, which parts are damaged.
 *
 * @param store            the store folder
 * @param formatVersion    the store format recorded in its last commit (0 when unreadable)
 * @param segments         index segments in the last commit
 * @param documents        documents in the last commit (tracebacks and archive records)
 * @param damagedSegments  segments that failed the check
 * @param damagedDocuments documents in those segments (lost unless rebuilt from their archives)
 * @param problems         one line per damage found, for the user
 */
public record StoreHealth(Path store, int formatVersion, int segments, long documents, int damagedSegments,
                          long damagedDocuments, List<String> problems) {
    public StoreHealth {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
