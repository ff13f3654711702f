package dev.tracelens.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.tracelens.archive.TestArchives.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input in every format: a clear problem with file and line, and every good row kept. */
class BadInputFormatsTest {
    @TempDir
    Path dir;

    private static RecordingHandler read(Path... files) {
        RecordingHandler h = new RecordingHandler();
        new ArchiveReader().read(List.of(files), h, ReadProgress.NONE);
        return h;
    }

    @Test
    void aJsonLineThatDoesNotParseIsAProblemAndKeptAsText() {
        Path file = TestArchives.write(dir.resolve("app.jl"), TestArchives.utf8(String.join("\n",
                "{\"time\":\"2024-01-05T12:00:00Z\",\"msg\":\"one\"}",
                "{\"time\":\"2024-01-05T12:00:01Z\",\"msg\":\"cut off",
                "{\"time\":\"2024-01-05T12:00:02Z\",\"msg\":\"three\"}",
                "")));
        RecordingHandler h = read(file);
        assertEquals(List.of("one", "{\"time\":\"2024-01-05T12:00:01Z\",\"msg\":\"cut off", "three"), h.messages);
        assertEquals(1, h.problems.size());
        Problem p = h.problems.getFirst();
        assertEquals(Problem.Kind.BAD_JSON, p.kind());
        assertEquals("app.jl", p.archive());
        assertEquals(2, p.row());
        assertTrue(p.toString().startsWith("app.jl row 2: not a JSON object ("), p.toString());
        assertTrue(p.detail().contains("kept as a plain-text row"), p.detail());
        assertFalse(p.rowDropped());
        assertEquals(3, h.summaries.getFirst().rows());
    }

    @Test
    void aJsonFileThatTurnsIntoPlainTextIsSaidOnceAndReadOn() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add("{\"time\":\"2024-01-05T12:00:00Z\",\"msg\":\"json\"}");
        }
        for (int i = 0; i < 500; i++) {
            lines.add("2024-01-05 12:00:01,000 plain " + i);
        }
        RecordingHandler h = read(TestArchives.write(dir.resolve("mixed.jl"), TestArchives.utf8(String.join("\n", lines))));
        assertEquals(530, h.rows.size(), "nothing is lost");
        assertEquals(JsonRows.SWITCH_AFTER, h.problems.size(), "one per line until the switch, then none");
        assertTrue(h.problems.getLast().detail().contains("read as plain text from here on"), h.problems.getLast().detail());
        assertEquals(30 + JsonRows.SWITCH_AFTER, h.problems.getLast().row());
        assertEquals(31, h.problems.getFirst().row());
    }

    /** A Papertrail archive someone appended JSON lines to: every TSV row is read, each other line reported. */
    @Test
    void aPapertrailArchiveThatTurnsIntoJsonLinesIsReadAsFarAsItIsOneAndTheRestReported() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            lines.add(TestArchives.row(i, "tsv row " + i));
        }
        for (int i = 0; i < 5; i++) {
            lines.add("{\"time\":\"2024-01-05T12:00:00Z\",\"msg\":\"json " + i + "\"}");
        }
        RecordingHandler h = read(TestArchives.write(dir.resolve("2024-01-05-12.tsv"),
                TestArchives.utf8(String.join("\n", lines) + "\n")));
        assertEquals(20, h.rows.size(), h.problems.toString());
        assertEquals("tsv row 20", h.messages.getLast());
        assertEquals(5, h.problems.size(), h.problems.toString());
        assertEquals(List.of(21L, 22L, 23L, 24L, 25L), h.problems.stream().map(Problem::row).toList());
        assertTrue(h.problems.stream().allMatch(p -> p.kind() == Problem.Kind.MISSING_COLUMNS
                && p.archive().equals("2024-01-05-12.tsv") && p.detail().contains("json")), h.problems.toString());
    }

    @Test
    void rowsWithOneNulEachAreKeptAndTheNulsReportedPerRow() {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            rows.add(row(i, "message \u0000 number " + i));
        }
        RecordingHandler h = read(TestArchives.tsvGz(dir.resolve("nul.tsv.gz"), rows));
        assertEquals(2000, h.rows.size());
        assertEquals(2000, h.problems(Problem.Kind.NUL_BYTES).size());
        assertEquals(2000, h.problems.size());
        Problem p = h.problems.getFirst();
        assertEquals(1, p.row());
        assertTrue(p.detail().startsWith("a NUL byte in the row (first at byte "), p.detail());
        assertTrue(h.summaries.getFirst().complete());
    }

    @Test
    void aBareCrInsideAMessageDoesNotEndTheRow() {
        byte[] data = TestArchives.utf8(row(1, "before\rafter") + "\n" + row(2, "two") + "\r\n");
        RecordingHandler h = read(TestArchives.write(dir.resolve("cr.tsv"), data));
        assertEquals(List.of("before\rafter", "two"), h.messages);
        assertEquals(List.of(), h.problems);
        RecordingHandler t = read(TestArchives.write(dir.resolve("cr.log"),
                TestArchives.utf8("2024-01-05 12:00:00 a\rb\r\n2024-01-05 12:00:01 c\n")));
        assertEquals(List.of("a\rb", "c"), t.messages);
    }

    @Test
    void trailingGarbageAfterTheLastGzipMemberIsReportedAndTheRowsKept() {
        byte[] gz = TestArchives.gzip(TestArchives.lines(List.of(row(1, "one"), row(2, "two"))));
        byte[] data = TestArchives.concat(gz, "garbage after the member".getBytes(StandardCharsets.US_ASCII));
        RecordingHandler h = read(TestArchives.write(dir.resolve("2016-08-12-03.tsv.gz"), data));
        assertEquals(List.of(1L, 2L), h.ids());
        assertEquals(List.of(Problem.Kind.TRAILING_DATA), h.problems.stream().map(Problem::kind).toList());
        assertEquals("2016-08-12-03.tsv.gz: data after the end of the gzip data, ignored (the 2 rows before it were read):"
                + " the file may be two files joined, or damaged at its end", h.problems.getFirst().toString());
        assertTrue(h.summaries.getFirst().complete());
    }

    @Test
    void aFileThatTurnsIntoBinaryIsReadAsFarAsItIsALog() {
        StringBuilder log = new StringBuilder();
        int lines = 0;
        while (log.length() < 3 << 20) {
            log.append("2024-01-05 12:00:00,000 INFO line ").append(++lines).append('\n');
        }
        byte[] junk = new byte[2 << 20];
        new java.util.Random(3).nextBytes(junk);
        Path file = TestArchives.write(dir.resolve("crashed.log"), TestArchives.concat(TestArchives.utf8(log.toString()), junk));
        RecordingHandler h = read(file);
        assertEquals(lines, h.rows.size(), "every line of the log part");
        assertEquals("INFO line " + lines, h.messages.getLast());
        assertEquals(List.of(Problem.Kind.NOT_A_LOG), h.problems.stream().map(Problem::kind).toList());
        assertEquals("crashed.log: the file turns into binary data at decoded byte " + log.length() + ", after line "
                + lines + "; read lines 1-" + lines + " (" + lines + " rows), not the rest", h.problems.getFirst().toString());
        assertFalse(h.summaries.getFirst().complete());
    }

    @Test
    void binaryFilesAreRefusedWithAClearMessage() {
        byte[] elf = new byte[8192];
        elf[0] = 0x7F;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        byte[] utf16 = "2024-01-05 12:00:00 hello\n".repeat(50).getBytes(StandardCharsets.UTF_16LE);
        byte[] bom16 = TestArchives.concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, utf16);
        RecordingHandler h = read(TestArchives.write(dir.resolve("tool"), elf),
                TestArchives.write(dir.resolve("win.log"), bom16));
        assertEquals(List.of(), h.rows);
        assertEquals(List.of("tool: not a log file (nor a Papertrail archive): binary data (an ELF executable): 100 % of"
                        + " the 4096 bytes looked at are control bytes such as NUL",
                "win.log: not a log file (nor a Papertrail archive): binary data (UTF-16 text, which Tracelens does not"
                        + " read: convert it to UTF-8): 50 % of the 2602 bytes looked at are control bytes such as NUL"),
                h.problems.stream().map(Problem::toString).toList());
    }

    @Test
    void aTwentyMegabyteJsonLineIsCutAtTheLimitKeptAndReported() {
        String big = "x".repeat(20 << 20);
        byte[] data = TestArchives.utf8("{\"msg\":\"small\"}\n{\"msg\":\"" + big + "\"}\n{\"msg\":\"after\"}\n");
        RecordingHandler h = read(TestArchives.write(dir.resolve("big.jl"), data));
        assertEquals(3, h.rows.size());
        assertEquals("small", h.messages.getFirst());
        assertEquals("after", h.messages.getLast());
        assertEquals(List.of(Problem.Kind.ROW_TOO_LONG, Problem.Kind.BAD_JSON),
                h.problems.stream().map(Problem::kind).toList(), "cut to 16 MiB, the JSON no longer closes");
        assertEquals(2, h.problems.getFirst().row());
    }

    @Test
    void blankOnlyFilesAreEmpty() {
        RecordingHandler h = read(TestArchives.write(dir.resolve("blank.log"), TestArchives.utf8("\n\n  \n")));
        assertEquals(List.of("blank.log: empty file (no rows, only blank lines)"),
                h.problems.stream().map(Problem::toString).toList());
        assertTrue(Arrays.asList(Problem.Kind.values()).contains(Problem.Kind.EMPTY_FILE));
    }
}
