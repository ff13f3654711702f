package dev.tracelens.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportExporterTest {
    @TempDir
    Path dir;

    private final ReportExporter exporter = new ReportExporter(Clock.fixed(ReportFixtures.MADE, ZoneOffset.UTC));

    private ReportHeader header() {
        return exporter.header("Export", "", null, null, ReportHistory.EMPTY);
    }

    /** Gives the fixtures' first group, then fails the way a broken store read would. */
    private static Iterator<ReportGroup> failingAfterOne() {
        return new Iterator<>() {
            int served;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public ReportGroup next() {
                if (served++ == 0) {
                    return ReportFixtures.keyErrorGroup();
                }
                throw new UncheckedIOException(new IOException("store read failed"));
            }
        };
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesTheFileAndStampsTheClocksTime() throws Exception {
        Path target = dir.resolve("report.md");
        long n = exporter.exportTo(target, ReportFormat.MD, CsvReportWriter.By.OCCURRENCE, header(),
                ReportFixtures.groups().iterator());
        assertEquals(3, n);
        assertTrue(Files.readString(target).contains("- **Made:** 2026-11-21 09:30:00 UTC"));
        assertEquals(List.of(target), files(), "no temporary or spool file left");
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Path plain = Files.createFile(dir.resolve("plain"));
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target),
                    "the report gets the permissions of any new file, not owner-only");
        }
    }

    @Test
    void aFailedExportLeavesNoHalfReportAndKeepsTheOldOne() throws Exception {
        for (ReportFormat format : ReportFormat.values()) {
            Path target = dir.resolve("report." + format.extension());
            Files.writeString(target, "previous report");
            assertThrows(UncheckedIOException.class, () -> exporter.exportTo(target, format,
                    CsvReportWriter.By.OCCURRENCE, header(), failingAfterOne()));
            assertEquals("previous report", Files.readString(target), format + ": old report untouched");
            Path fresh = dir.resolve("fresh." + format.extension());
            assertThrows(UncheckedIOException.class, () -> exporter.exportTo(fresh, format,
                    CsvReportWriter.By.OCCURRENCE, header(), failingAfterOne()));
            assertTrue(Files.notExists(fresh), format + ": no half report");
            Files.delete(target);
            assertEquals(List.of(), files(), format + ": temporary and spool files removed");
        }
    }

    @Test
    void writerRejectsGroupsBeforeBegin() throws Exception {
        try (ReportWriter w = ReportFormat.MD.open(new java.io.ByteArrayOutputStream(), CsvReportWriter.By.OCCURRENCE, dir)) {
            assertThrows(IllegalStateException.class, () -> w.group(ReportFixtures.keyErrorGroup()));
        }
    }
}
