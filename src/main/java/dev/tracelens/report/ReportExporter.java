package dev.tracelens.report;

import dev.tracelens.common.AtomicFile;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;

/**
 * Feeds a report's groups to a {@link ReportWriter} as they come, one at a time, so an export
 * of any size runs in the memory of one group. Where the groups come from is the caller's
 * business (the store adapter pages through the store lazily); the clock is injected so that
 * "made at" is repeatable in tests.
 */
public final class ReportExporter {
    private final Clock clock;

    public ReportExporter(Clock clock) {
        this.clock = clock;
    }

    /** A header stamped with the current time of this exporter's clock. */
    public ReportHeader header(String title, String filter, Instant since, Instant until, ReportHistory history) {
        return new ReportHeader(title, filter, since, until, clock.instant(), history);
    }

    /** Writes the whole report; returns the number of groups written. */
    public long export(ReportHeader header, Iterator<ReportGroup> groups, ReportWriter writer) throws IOException {
        try (writer) {
            writer.begin(header);
            long n = 0;
            while (groups.hasNext()) {
                writer.group(groups.next());
                n++;
            }
            writer.end();
            return n;
        }
    }

    /** Writes the report to {@code out}, or to the file {@code target} atomically (see {@link AtomicFile}). */
    public long exportTo(Path target, ReportFormat format, CsvReportWriter.By csvBy, ReportHeader header,
                         Iterator<ReportGroup> groups) throws IOException {
        long[] written = new long[1];
        Path spool = target.toAbsolutePath().getParent();
        AtomicFile.write(target, out -> written[0] = export(header, groups, format.open(out, csvBy, spool)));
        return written[0];
    }

    /** Writes the report to a writer the caller owns (e.g. standard output); it is flushed, not closed. */
    public long exportTo(Writer out, ReportFormat format, CsvReportWriter.By csvBy, ReportHeader header,
                         Iterator<ReportGroup> groups) throws IOException {
        long n = export(header, groups, format.open(out, csvBy, Path.of(System.getProperty("java.io.tmpdir"))));
        out.flush();
        return n;
    }
}
