package dev.tracelens.archive;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static dev.tracelens.archive.TestArchives.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input: a clear problem naming the file and row, every good row kept, the next file read. */
class DamagedInputTest {
    @TempDir
    Path dir;

    @AfterEach
    void noHelperThreadIsLeft() throws InterruptedException {
        for (int i = 0; i < 500 && !ReaderLifecycleTest.helperThreads().isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertEquals(List.of(), ReaderLifecycleTest.helperThreads(), "the reader stops its thread on bad input too");
    }

    private static List<String> rows(int n) {
        Random random = new Random(n);
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(row(i, "2016-08-12T03:18:39", "host-" + random.nextInt(9), "app",
                    "row " + i + " " + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())));
        }
        return rows;
    }

    private static RecordingHandler read(Path... files) {
        RecordingHandler h = new RecordingHandler();
        new ArchiveReader().read(List.of(files), h, ReadProgress.NONE);
        return h;
    }

    private Path good() {
        return TestArchives.tsv(dir.resolve("zz-good.tsv"), List.of(row(999_999, "still read")));
    }

    @Test
    void badRowsAreReportedWithFileAndRowAndTheOthersKept() {
        Path file = TestArchives.tsvGz(dir.resolve("2016-08-12-03.tsv.gz"), List.of(
                row(1, "first"),
                "2\t2016-08-12T03:18:39\tonly three columns",
                row(3, "third"),
                "x4\t2016-08-12T03:18:39\t2016-08-12T03:18:39\t1\th\t1\tUser\tNotice\tp\tbad id",
                row(5, "fifth"),
                row(6, "2016-08-12T25:18:39", "h", "p", "bad hour"),
                "",
                "7\tyesterday\tnow\t1\th\t1\tUser\tNotice\tp\tnot a time",
                "8\t2016-08-12T03:18:39\t" + "\u0001control\u0007" + "z".repeat(200),
                row(9, "last")));
        RecordingHandler h = read(file);
        assertEquals(List.of(1L, 3L, 5L, 9L), h.ids());
        assertEquals(List.of(1L, 3L, 5L, 10L), h.rows.stream().map(LogLine::rowNumber).toList());
        List<String> said = h.problems.stream().map(Problem::toString).toList();
        assertEquals(List.of(
                "2016-08-12-03.tsv.gz row 2: only 3 of 10 tab-separated columns: \"2\\t2016-08-12T03:18:39\\tonly three columns\"",
                "2016-08-12-03.tsv.gz row 4: bad id \"x4\" (not a 64-bit integer)",
                "2016-08-12-03.tsv.gz row 6: bad generated_at timestamp \"2016-08-12T25:18:39\"",
                "2016-08-12-03.tsv.gz row 8: bad generated_at timestamp \"yesterday\"",
                "2016-08-12-03.tsv.gz row 9: only 3 of 10 tab-separated columns: \"8\\t2016-08-12T03:18:39\\t\\x01control\\x07"
                        + "z".repeat(29) + "…\""), said);
        assertTrue(h.problems.stream().allMatch(Problem::rowDropped));
        ArchiveSummary s = h.summaries.getFirst();
        assertEquals(4, s.rows());
        assertEquals(5, s.badRows());
        assertTrue(s.complete());
    }

    @Test
    void invalidUtf8IsKeptWithReplacementCharactersAndReported() {
        byte[] data = TestArchives.concat(TestArchives.utf8(row(1, "fine") + "\n" + row(2, "bad ")),
                new byte[]{(byte) 0xff, 'x', (byte) 0xc3}, TestArchives.utf8(" end\n"),
                TestArchives.utf8(row(3, "overlong ")), new byte[]{(byte) 0xc0, (byte) 0xaf},
                TestArchives.utf8("\n" + row(4, "café") + "\n"));
        RecordingHandler h = read(TestArchives.write(dir.resolve("utf.tsv"), data));
        assertEquals(List.of("fine", "bad \uFFFDx\uFFFD end", "overlong \uFFFD\uFFFD", "café"), h.messages);
        assertEquals(List.of(2L, 3L), h.problems(Problem.Kind.INVALID_UTF8).stream().map(Problem::row).toList());
        assertEquals(2, h.problems.size());
        assertFalse(h.problems.getFirst().rowDropped());
        assertTrue(h.problems.getFirst().detail().contains("U+FFFD"), h.problems.getFirst().detail());
        assertEquals(4, h.summaries.getFirst().rows());
    }

    @Test
    void aRowOverTheLimitIsCutKeptAndReported() {
        String longMessage = "é".repeat(100_000); // 200,000 bytes: the cut must not split a character
        Path file = TestArchives.tsvGz(dir.resolve("long.tsv.gz"), List.of(row(1, "short"), row(2, longMessage), row(3, "next")));
        for (int chunk : new int[]{1 << 20, 4096}) {
            RecordingHandler h = new RecordingHandler();
            new ArchiveReader(ReaderOptions.defaults().withMaxRowBytes(50_000).withChunkBytes(chunk))
                    .read(List.of(file), h, ReadProgress.NONE);
            assertEquals(List.of(1L, 2L, 3L), h.ids());
            int header = TestArchives.utf8(row(2, "")).length;
            assertEquals("é".repeat((50_000 - header) / 2), h.messages.get(1), "cut on a character boundary");
            assertEquals(1, h.problems.size());
            Problem p = h.problems.getFirst();
            assertEquals(Problem.Kind.ROW_TOO_LONG, p.kind());
            assertEquals(2, p.row());
            assertTrue(p.detail().contains("row of " + (header + 200_000) + " bytes"), p.detail());
        }
    }

    @Test
    void aTruncatedGzipKeepsTheRowsBeforeTheDamage() throws Exception {
        List<String> rows = rows(20_000);
        byte[] gz = TestArchives.gzip(TestArchives.lines(rows));
        Path file = TestArchives.write(dir.resolve("2016-08-12-03.tsv.gz"), Arrays.copyOf(gz, gz.length / 2));
        RecordingHandler h = read(file, good());

        List<Long> ids = h.ids();
        assertEquals(999_999L, ids.getLast(), "the next file is read");
        List<Long> fromDamaged = ids.subList(0, ids.size() - 1);
        assertTrue(fromDamaged.size() > 5000 && fromDamaged.size() < 15_000, "rows: " + fromDamaged.size());
        assertEquals(LongStream.rangeClosed(1, fromDamaged.size()).boxed().toList(), fromDamaged,
                "every row before the damage, whole");
        assertEquals(h.rows.get(fromDamaged.size() - 1).message(), rows.get(fromDamaged.size() - 1).split("\t", 10)[9]);
        assertEquals(1, h.problems.size());
        Problem p = h.problems.getFirst();
        assertEquals(Problem.Kind.DAMAGED_GZIP, p.kind());
        assertEquals("2016-08-12-03.tsv.gz", p.archive());
        assertTrue(p.detail().contains("read lines 1-" + fromDamaged.size() + " before it and kept their "
                + fromDamaged.size() + " rows"), p.detail());
        assertTrue(p.detail().contains("dropped the partial line " + (fromDamaged.size() + 1)), p.detail());
        ArchiveSummary s = h.summaries.getFirst();
        assertFalse(s.complete());
        assertEquals(fromDamaged.size(), s.rows());
        assertEquals(Files.size(file), s.fileBytes());
        assertTrue(h.summaries.get(1).complete());
    }

    @Test
    void aCorruptGzipIsReportedAndTheRowsBeforeItKept() {
        List<String> rows = rows(20_000);
        byte[] gz = TestArchives.gzip(TestArchives.lines(rows));
        Arrays.fill(gz, gz.length / 2, gz.length / 2 + 64, (byte) 0x55);
        Path file = TestArchives.write(dir.resolve("corrupt.tsv.gz"), gz);
        RecordingHandler h = read(file, good());

        assertEquals(999_999L, h.ids().getLast(), "the next file is read");
        assertTrue(h.rows.size() > 5000, "rows before the damage: " + h.rows.size());
        for (int i = 0; i < 5000; i++) {
            assertEquals(rows.get(i).split("\t", 10)[9], h.messages.get(i));
        }
        assertEquals(1, h.problems(Problem.Kind.DAMAGED_GZIP).size(), h.problems.toString());
        assertFalse(h.summaries.getFirst().complete());
    }

    @Test
    void aSmallGzipDamagedNearItsEndKeepsEveryRowDecodedBeforeTheDamage() throws Exception {
        // A file smaller than one read: the whole of it comes out of one inflate call, the one
        // that meets the damage, which used to lose every row ("nothing before it could be read").
        List<String> rows = rows(50);
        byte[] gz = TestArchives.gzip(TestArchives.lines(rows));
        int damage = gz.length - 8 - 12; // in the deflate data, 12 bytes before the trailer
        Arrays.fill(gz, damage, damage + 4, (byte) 0xff);
        int whole = completeLinesBeforeTheDamage(gz);
        assertTrue(whole >= 40, "the damage is near the end: " + whole + " of 50 lines decode before it");
        Path file = TestArchives.write(dir.resolve("2016-08-12-04.tsv.gz"), gz);
        RecordingHandler h = read(file, good());

        assertEquals(LongStream.rangeClosed(1, whole).boxed().toList(), h.ids().subList(0, h.ids().size() - 1),
                "every whole row before the damage");
        assertEquals(999_999L, h.ids().getLast(), "the next file is read");
        assertEquals(1, h.problems.size(), h.problems.toString());
        Problem p = h.problems.getFirst();
        assertEquals(Problem.Kind.DAMAGED_GZIP, p.kind());
        assertEquals("2016-08-12-04.tsv.gz", p.archive());
        assertTrue(p.detail().contains("read lines 1-" + whole + " before it and kept their " + whole + " rows"), p.detail());
        assertEquals(whole, h.summaries.getFirst().rows());
        assertFalse(h.summaries.getFirst().complete());
    }

    /** The LF-terminated lines a byte-at-a-time inflate gets out of a gzip member before it fails. */
    private static int completeLinesBeforeTheDamage(byte[] gz) {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        inflater.setInput(gz, 10, gz.length - 10); // after the 10-byte header GZIPOutputStream writes
        byte[] one = new byte[1];
        int lines = 0;
        try {
            while (!inflater.finished()) {
                if (inflater.inflate(one) == 1 && one[0] == '\n') {
                    lines++;
                }
            }
        } catch (java.util.zip.DataFormatException e) {
            return lines;
        } finally {
            inflater.end();
        }
        throw new AssertionError("the damage was not detected as corrupt deflate data");
    }

    @Test
    void gzipMagicFollowedByGarbageIsDamagedGzip() {
        Path file = TestArchives.write(dir.resolve("fake.tsv.gz"), new byte[]{0x1f, (byte) 0x8b, 1, 2, 3});
        RecordingHandler h = read(file, good());
        assertEquals(List.of(Problem.Kind.DAMAGED_GZIP), h.problems.stream().map(Problem::kind).toList());
        assertEquals(List.of(999_999L), h.ids());
    }

    @Test
    void aBinaryFileIsOneFileProblemNotThousandsOfRowProblems() {
        byte[] png = new byte[300_000];
        new Random(7).nextBytes(png);
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
        System.arraycopy(header, 0, png, 0, header.length);
        Path image = TestArchives.write(dir.resolve("2016-08-12-03.tsv.gz"), png);
        Path gzippedBinary = TestArchives.write(dir.resolve("bin.gz"), TestArchives.gzip(png));
        RecordingHandler h = read(image, gzippedBinary, good());
        assertEquals(List.of("start 2016-08-12-03.tsv.gz", "problem UNREADABLE_FILE 2016-08-12-03.tsv.gz:0",
                "end 2016-08-12-03.tsv.gz", "start bin.gz", "problem UNREADABLE_FILE bin.gz:0", "end bin.gz",
                "start zz-good.tsv", "row zz-good.tsv:1", "end zz-good.tsv"), h.events);
        assertTrue(h.problems.getFirst().detail().startsWith("not a log file (nor a Papertrail archive): binary data"),
                h.problems.getFirst().detail());
        assertFalse(h.summaries.getFirst().complete());
        assertFalse(h.summaries.get(1).complete());
    }

    @Test
    void aFolderOrUnreadableFileIsAProblemAndTheNextFileIsRead() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("a-folder.tsv.gz"));
        RecordingHandler h = read(folder, dir.resolve("missing.tsv"), good());
        assertEquals(List.of(Problem.Kind.UNREADABLE_FILE, Problem.Kind.UNREADABLE_FILE),
                h.problems.stream().map(Problem::kind).toList());
        assertTrue(h.problems.get(1).detail().contains("missing.tsv"));
        assertEquals(List.of(999_999L), h.ids());
        assertEquals(List.of(false, false, true), h.summaries.stream().map(ArchiveSummary::complete).toList());
    }
}
