package dev.tracelens.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/** Runs the fixtures through a format, the way the CLI does. */
final class ReportTestSupport {
    private ReportTestSupport() {
    }

    static String render(ReportFormat format, CsvReportWriter.By by, Path spool) throws IOException {
        return render(format, by, spool, ReportFixtures.groups());
    }

    static String render(ReportFormat format, CsvReportWriter.By by, Path spool, List<ReportGroup> groups) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportExporter exporter = new ReportExporter(Clock.fixed(ReportFixtures.MADE, ZoneOffset.UTC));
        ReportHeader fixed = ReportFixtures.header();
        ReportHeader header = exporter.header(fixed.title(), fixed.filter(), fixed.since(), fixed.until(), fixed.history());
        exporter.export(header, groups.iterator(), format.open(out, by, spool));
        return out.toString(StandardCharsets.UTF_8);
    }
}
