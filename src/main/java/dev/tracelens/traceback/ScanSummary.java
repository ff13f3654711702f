package dev.tracelens.traceback;

import dev.tracelens.archive.ArchiveSummary;

import java.util.List;

/** What one scan read and found. */
public record ScanSummary(List<ArchiveSummary> archives, long tracebacks) {
    public ScanSummary {
        archives = List.copyOf(archives);
    }

    public long rows() {
        return archives.stream().mapToLong(ArchiveSummary::rows).sum();
    }

    public long badRows() {
        return archives.stream().mapToLong(ArchiveSummary::badRows).sum();
    }

    /** Whether every input could be read to its end. */
    public boolean complete() {
        return archives.stream().allMatch(ArchiveSummary::complete);
    }
}
