package dev.tracelens.store;

import java.time.Duration;
import java.util.List;

/**
 * What an import did: archives imported (read to their end and registered), skipped (unchanged),
 * and failed (missing, unreadable or damaged: what could be read is stored, and they are read
 * again next time), tracebacks written (including updates of ones already stored), problems
 * reported, and how long it took.
 */
public record ImportResult(List<ArchiveRecord> imported, List<ArchiveRecord> skipped, List<ArchiveRecord> failed,
                           long tracebacksWritten, long problems, Duration took) {
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
}
