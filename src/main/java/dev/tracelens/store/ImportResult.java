package dev.tracelens.store;

import java.time.Duration;
import java.util.List;

/**
 * What an import did: archives imported and skipped (unchanged), tracebacks written (including
 * updates of ones already stored), problems reported, and how long it took.
 */
public record ImportResult(List<ArchiveRecord> imported, List<ArchiveRecord> skipped, long tracebacksWritten,
                           long problems, Duration took) {
    public ImportResult {
        imported = List.copyOf(imported);
        skipped = List.copyOf(skipped);
    }

    public long rows() {
        return imported.stream().mapToLong(ArchiveRecord::rows).sum();
    }

    public long badRows() {
        return imported.stream().mapToLong(ArchiveRecord::badRows).sum();
    }
}
