package dev.tracelens.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.tracelens.archive.TestArchives.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading well-formed archives: formats, columns, sources, chunk boundaries. */
class ArchiveReaderTest {
    @TempDir
    Path dir;

    private RecordingHandler read(ArchiveReader reader, Path... files) {
        RecordingHandler h = new RecordingHandler();
        List<ArchiveSummary> summaries = reader.read(List.of(files), h, ReadProgress.NONE);
        assertEquals(h.summaries, summaries);
        return h;
    }

    private RecordingHandler read(Path... files) {
        return read(new ArchiveReader(), files);
    }

    @Test
    void readsTheColumnsOfARealRow() throws Exception {
        String message = "20286/MainThread ERROR app.views: lookup failed";
        String line = "700000000001\t2016-08-12T03:18:39\t2016-08-12T03:18:40\t12345\ti-2ee330b7\t10.0.0.5\tUser\tNotice\t"
                + "app-web\t" + message;
        Path file = TestArchives.tsvGz(dir.resolve("sub/2016-08-12-03.tsv.gz"), List.of(line));
        RecordingHandler h = new RecordingHandler() {
            @Override
            public void onRow(RowView row) {
                super.onRow(row);
                assertEquals(700000000001L, row.id());
                assertEquals("i-2ee330b7", row.source().host());
                assertEquals("app-web", row.source().program());
                assertEquals("2016-08-12-03.tsv.gz", row.archive());
                assertEquals(1, row.rowNumber());
                assertEquals(message.length(), row.messageLength());
                assertTrue(row.messageContains(TestArchives.utf8("ERROR app.views")));
                assertTrue(row.messageContains(TestArchives.utf8("failed")));
                assertTrue(row.messageContains(TestArchives.utf8("2")));
                assertTrue(row.messageContains(new byte[0]));
                assertFalse(row.messageContains(TestArchives.utf8("Traceback")));
                assertFalse(row.messageContains(TestArchives.utf8("Notice")), "only the message is searched");
                assertFalse(row.messageContains(TestArchives.utf8("lookup failed!")));
            }
        };
        List<ArchiveSummary> summaries = new ArchiveReader().read(List.of(file), h, ReadProgress.NONE);
        assertEquals(List.of(message), h.messages);
        assertEquals(java.time.Instant.parse("2016-08-12T03:18:39Z"), h.rows.getFirst().timestamp());
        assertEquals("2016-08-12-03.tsv.gz", h.rows.getFirst().archive());
        assertEquals(List.of(new ArchiveSummary("2016-08-12-03.tsv.gz", 1, 0, java.nio.file.Files.size(file),
                TestArchives.utf8(line).length + 1, true)), summaries);
    }

    @Test
    void theMessageKeepsItsTabs() {
        Path file = TestArchives.tsv(dir.resolve("a.tsv"), List.of(row(1, "col1\tcol2\t\tcol4\t")));
        RecordingHandler h = read(file);
        assertEquals(List.of("col1\tcol2\t\tcol4\t"), h.messages);
        assertEquals(List.of("col1\tcol2\t\tcol4\t"), h.rows.stream().map(LogLine::message).toList());
    }

    @Test
    void detectsGzipByMagicNotByName() {
        Path plainNamedGz = TestArchives.tsv(dir.resolve("2016-08-12-01.tsv.gz"), List.of(row(1, "plain")));
        Path gzipNamedTsv = TestArchives.tsvGz(dir.resolve("2016-08-12-02.tsv"), List.of(row(2, "gzip")));
        RecordingHandler h = read(plainNamedGz, gzipNamedTsv);
        assertEquals(List.of("plain", "gzip"), h.messages);
        assertEquals(List.of(), h.problems);
        assertTrue(h.summaries.get(1).decodedBytes() > 0);
    }

    @Test
    void readsEveryMemberOfAMultiMemberGzip() {
        List<List<String>> members = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        long id = 1;
        for (int m = 0; m < 5; m++) {
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < 300 * (m + 1); i++) {
                ids.add(id);
                rows.add(row(id, "member " + m + " row " + i));
                id++;
            }
            members.add(rows);
        }
        Path file = TestArchives.multiMemberGz(dir.resolve("multi.tsv.gz"), members);
        RecordingHandler h = read(file);
        assertEquals(ids, h.ids());
        assertEquals(List.of(), h.problems);
        assertTrue(h.summaries.getFirst().complete());
    }

    @Test
    void stripsCarriageReturnsAndSkipsBlankLinesButCountsThem() {
        byte[] data = TestArchives.utf8(row(1, "one") + "\r\n\r\n" + "\n" + row(2, "two") + "\r\n" + row(3, "three"));
        Path file = TestArchives.write(dir.resolve("crlf.tsv"), data);
        RecordingHandler h = read(file);
        assertEquals(List.of("one", "two", "three"), h.messages);
        assertEquals(List.of(1L, 4L, 5L), h.rows.stream().map(LogLine::rowNumber).toList());
        assertEquals(List.of(), h.problems);
    }

    @Test
    void anEmptyFileHasNoRowsIsCompleteAndIsSaidToBeEmpty() {
        Path plain = TestArchives.write(dir.resolve("empty.tsv"), new byte[0]);
        Path gz = TestArchives.write(dir.resolve("empty.tsv.gz"), TestArchives.gzip(new byte[0]));
        RecordingHandler h = read(plain, gz);
        assertEquals(List.of(), h.rows);
        assertEquals(List.of("empty.tsv: empty file (0 bytes)",
                "empty.tsv.gz: empty file (gzip data that decompresses to 0 bytes)"),
                h.problems.stream().map(Problem::toString).toList());
        assertTrue(h.problems.stream().allMatch(p -> p.kind() == Problem.Kind.EMPTY_FILE && p.row() == 0));
        assertEquals(List.of(new ArchiveSummary("empty.tsv", 0, 0, 0, 0, true),
                new ArchiveSummary("empty.tsv.gz", 0, 0, h.summaries.get(1).fileBytes(), 0, true)), h.summaries);
        assertTrue(h.summaries.get(1).fileBytes() > 0);
    }

    @Test
    void internsSourcesAcrossFilesWithDenseIndexes() {
        Path a = TestArchives.tsv(dir.resolve("a.tsv"), List.of(
                row(1, "2016-08-12T03:18:39", "host-a", "web", "m"),
                row(2, "2016-08-12T03:18:39", "host-b", "web", "m"),
                row(3, "2016-08-12T03:18:39", "host-a", "web", "m"),
                row(4, "2016-08-12T03:18:39", "host-a", "worker", "m"),
                row(5, "2016-08-12T03:18:39", "host-aw", "eb", "m")));
        Path b = TestArchives.tsvGz(dir.resolve("b.tsv.gz"), List.of(
                row(6, "2016-08-12T03:18:39", "host-b", "web", "m"),
                row(7, "2016-08-12T03:18:39", "hôst-ç", "wéb", "m"),
                row(8, "2016-08-12T03:18:39", "host-a", "web", "m")));
        ArchiveReader reader = new ArchiveReader();
        RecordingHandler h = read(reader, a, b);
        List<Source> s = h.rows.stream().map(LogLine::source).toList();
        assertSame(s.get(0), s.get(2));
        assertSame(s.get(0), s.get(7));
        assertSame(s.get(1), s.get(5));
        assertEquals(List.of(0, 1, 0, 2, 3, 1, 4, 0), s.stream().map(Source::index).toList());
        assertEquals(new Source(3, "host-aw", "eb"), s.get(4));
        assertEquals(new Source(4, "hôst-ç", "wéb"), s.get(6));
        assertEquals(List.of(s.get(0), s.get(1), s.get(3), s.get(4), s.get(6)), reader.sources());

        RecordingHandler again = read(reader, b);
        assertSame(s.get(5), again.rows.getFirst().source(), "a later read of the same reader keeps the sources");
    }

    @Test
    void internsThousandsOfSources() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(row(i, "2016-08-12T03:18:39", "host-" + (i % 2500), "p" + (i % 2), "m"));
        }
        RecordingHandler h = read(TestArchives.tsv(dir.resolve("many.tsv"), rows));
        for (int i = 0; i < 5000; i++) {
            Source s = h.rows.get(i).source();
            assertEquals(i % 2500, s.index());
            assertEquals("host-" + (i % 2500), s.host());
            assertSame(h.rows.get(i % 2500).source(), s);
        }
    }

    @Test
    void rowsLongerThanAChunkAndEveryChunkBoundaryAreHandled() {
        Random random = new Random(42);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int length = i % 50 == 7 ? 5000 + random.nextInt(20000) : random.nextInt(120);
            StringBuilder m = new StringBuilder();
            for (int k = 0; k < length; k++) {
                m.append(k % 97 == 0 ? '\t' : k % 89 == 0 ? 'é' : (char) ('a' + random.nextInt(26)));
            }
            rows.add(row(i + 1, m.toString()));
        }
        byte[] data = TestArchives.lines(rows);
        Path plain = TestArchives.write(dir.resolve("chunks.tsv"), data);
        Path gz = TestArchives.write(dir.resolve("chunks.tsv.gz"), TestArchives.gzip(data));
        List<String> expected = rows.stream().map(r -> r.split("\t", 10)[9]).toList();
        for (int chunk : new int[]{16, 17, 100, 1000, 4096, 65536}) {
            ArchiveReader reader = new ArchiveReader(ReaderOptions.defaults().withChunkBytes(chunk).withChunksInFlight(3));
            RecordingHandler h = read(reader, plain, gz);
            assertEquals(List.of(), h.problems, "chunk " + chunk);
            List<String> both = new ArrayList<>(expected);
            both.addAll(expected);
            assertEquals(both, h.messages, "chunk " + chunk);
            assertEquals(data.length, h.summaries.get(0).decodedBytes());
            assertEquals(data.length, h.summaries.get(1).decodedBytes());
        }
    }

    @Test
    void aTenMegabyteMessageIsKeptWhole() {
        byte[] message = new byte[10_000_000];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) ('a' + i % 26);
        }
        message[9_999_990] = 'X';
        byte[] data = TestArchives.concat(TestArchives.utf8(row(1, "before") + "\n" + row(2, "")), message,
                TestArchives.utf8("\n" + row(3, "after") + "\n"));
        Path file = TestArchives.write(dir.resolve("huge.tsv.gz"), TestArchives.gzip(data));
        List<Integer> lengths = new ArrayList<>();
        List<Boolean> found = new ArrayList<>();
        List<LogLine> kept = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        new ArchiveReader().read(List.of(file), new RowHandler() {
            @Override
            public void onRow(RowView row) {
                lengths.add(row.messageLength());
                found.add(row.messageContains(TestArchives.utf8("yzXbc")));
                kept.add(row.toLogLine());
            }

            @Override
            public void onProblem(Problem problem) {
                problems.add(problem);
            }
        }, ReadProgress.NONE);
        assertEquals(List.of(6, 10_000_000, 5), lengths);
        assertEquals(List.of(false, true, false), found);
        assertArrayEquals(message, kept.get(1).message().getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of(), problems);
    }

    @Test
    void nonAsciiUtf8IsDecodedWithoutProblems() {
        String text = "café ✓ 日本語 \uD83D\uDE00 Ünïcödé";
        RecordingHandler h = read(TestArchives.tsvGz(dir.resolve("u.tsv.gz"), List.of(row(1, text), row(2, "ascii"))));
        assertEquals(List.of(text, "ascii"), h.messages);
        assertEquals(List.of(), h.problems);
    }

    @Test
    void idsAreSixtyFourBitIntegers() {
        RecordingHandler h = read(TestArchives.tsv(dir.resolve("ids.tsv"), List.of(
                row(Long.MAX_VALUE, "max"), row(Long.MIN_VALUE, "min"), row(0, "zero"), row(-5, "negative"),
                "9223372036854775808\t2016-08-12T03:18:39\tx\t1\th\t1\tUser\tNotice\tp\toverflow",
                "+17\t2016-08-12T03:18:39\tx\t1\th\t1\tUser\tNotice\tp\tplus",
                "-9223372036854775809\t2016-08-12T03:18:39\tx\t1\th\t1\tUser\tNotice\tp\tunderflow",
                "00000000000000000001\t2016-08-12T03:18:39\tx\t1\th\t1\tUser\tNotice\tp\ttoo many digits")));
        assertEquals(List.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, -5L, 17L), h.ids());
        assertEquals(List.of(5L, 7L, 8L), h.problems(Problem.Kind.BAD_ID).stream().map(Problem::row).toList());
    }
}
