package dev.tracelens.store;

import java.time.Duration;
import java.util.List;

/**
 * What an import did: archives imported (read to their end and registered), skipped (unchanged),
 * and failed (missing, unreadable or damaged: what could be read is stored, and they are read
 * again next time), tracebacks written, problems reported, how long it took, and how many
 * tracebacks the store held before and after.
 *
 * @param tracebacksWritten distinct tracebacks this import wrote (one first written in its
 *                          provisional version at an archive's end and then completed counts once);
 *                          {@link #replaced()} of them replaced a version already in the store
 * @param storedBefore      tracebacks in the store when the import started
 * @param storedAfter       tracebacks in the store when it ended
 */
public record ImportResult(List<ArchiveRecord> imported, List<ArchiveRecord> skipped, List<ArchiveRecord> failed,
                           long tracebacksWritten, long problems, Duration took, long storedBefore,
                           long storedAfter) {
    public ImportResult {
        imported = List.copyOf(imported);
        skipped = List.copyOf(skipped);
        failed = List.copyOf(failed);
    }

    public long rows() {
        return imported.stream().mapToLong(ArchiveRecord::rows).sum()
                + failed.stream().mapToLong(ArchiveRecord::rows).sum();
    }

    public long badRows() {
        return imported.stream().mapToLong(ArchiveRecord::badRows).sum()
                + failed.stream().mapToLong(ArchiveRecord::badRows).sum();
    }

    /** Tracebacks added to the store by this import. */
    public long added() {
        return storedAfter - storedBefore;
    }

    /**
     * Written tracebacks that replaced a version already in the store rather than adding one: a
     * provisional (truncated) version from an earlier import completed now, or an archive read
     * again because it changed.
     */
    public long replaced() {
        return Math.max(0, tracebacksWritten - added());
    }
}
