package dev.tracelens.archive;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Formats told by content, per file, never by name; fields found by their common names. */
class InputFormatsTest {
    @TempDir
    Path dir;

    private static RecordingHandler read(ReaderOptions options, Path... files) {
        RecordingHandler h = new RecordingHandler();
        new ArchiveReader(options).read(List.of(files), h, ReadProgress.NONE);
        return h;
    }

    private static RecordingHandler read(Path... files) {
        return read(ReaderOptions.defaults(), files);
    }

    private Path text(String name, String content) {
        return TestArchives.write(dir.resolve(name), TestArchives.utf8(content));
    }

    private static long millis(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void jsonLinesOfCommonLoggersGiveTimeHostProgramAndMessage() {
        Path file = text("misnamed.tsv", String.join("\n",
                // python-json-logger, with a traceback in exc_info
                "{\"asctime\": \"2024-01-05 12:00:00,123\", \"levelname\": \"ERROR\", \"name\": \"billing\", \"message\": \"charge failed\","
                        + " \"exc_info\": \"Traceback (most recent call last):\\n  File \\\"app.py\\\", line 3, in <module>\\nValueError: bad\"}",
                // Bunyan
                "{\"name\":\"myapp\",\"hostname\":\"web-1\",\"pid\":123,\"level\":30,\"msg\":\"hi\",\"time\":\"2012-02-03T04:05:06.789Z\",\"v\":0}",
                // ECS, nested
                "{\"@timestamp\":\"2024-01-05T12:00:01Z\",\"log\":{\"logger\":\"api\",\"level\":\"error\"},\"host\":{\"name\":\"h2\"},"
                        + "\"message\":\"boom\",\"error\":{\"stack_trace\":\"Traceback (most recent call last):\\nKeyError: 'x'\"}}",
                // Docker json-file
                "{\"log\":\"plain line\\n\",\"stream\":\"stderr\",\"time\":\"2024-01-05T12:00:02.5Z\"}",
                // journalctl -o json
                "{\"__REALTIME_TIMESTAMP\":\"1704456003000000\",\"_HOSTNAME\":\"box\",\"SYSLOG_IDENTIFIER\":\"sshd\",\"MESSAGE\":\"accepted\",\"_PID\":\"42\"}",
                // pino: epoch millis
                "{\"level\":30,\"time\":1704456004000,\"pid\":7,\"hostname\":\"p1\",\"msg\":\"é ünïcode \\ud83d\\ude00\"}",
                ""));
        RecordingHandler h = read(file);
        assertEquals(List.of(), h.problems);
        assertEquals(List.of(
                "charge failed\nTraceback (most recent call last):\n  File \"app.py\", line 3, in <module>\nValueError: bad",
                // a pid field leads the message as syslog's app[pid] does: it marks the same process's rows
                "[123] hi", "boom\nTraceback (most recent call last):\nKeyError: 'x'", "plain line", "[42] accepted",
                "[7] é ünïcode \uD83D\uDE00"), h.messages);
        assertEquals(List.of("misnamed.tsv/billing", "web-1/myapp", "h2/api", "misnamed.tsv/", "box/sshd", "p1/"),
                h.rows.stream().map(r -> r.source().toString()).toList());
        assertEquals(List.of(millis("2024-01-05T12:00:00.123Z"), millis("2012-02-03T04:05:06.789Z"),
                millis("2024-01-05T12:00:01Z"), millis("2024-01-05T12:00:02.500Z"), 1704456003000L, 1704456004000L),
                h.rows.stream().map(LogLine::timestampMillis).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), h.rows.stream().map(LogLine::rowNumber).toList());
    }

    @Test
    void anExplicitFieldMappingReplacesTheDefaults() {
        Path file = text("custom.jl", "{\"when\":\"2024-01-05T12:00:00Z\",\"who\":\"h9\",\"what\":\"svc\",\"text\":\"x\",\"message\":\"not this\"}\n");
        RecordingHandler h = read(ReaderOptions.defaults().withFields(FieldMapping.parse("time=when,host=who,program=what,message=text")), file);
        assertEquals(List.of("x"), h.messages);
        assertEquals("h9/svc", h.rows.getFirst().source().toString());
        assertEquals(millis("2024-01-05T12:00:00Z"), h.rows.getFirst().timestampMillis());
    }

    @Test
    void plainPythonLogLinesAndTheirTracebackLinesAreRowsInFileOrder() throws IOException {
        Path file = text("server.log", String.join("\n",
                "2024-01-05 12:00:00,123 INFO app: starting",
                "2024-01-05 12:00:01,500 ERROR app: charge failed",
                "Traceback (most recent call last):",
                "  File \"app.py\", line 3, in <module>",
                "ValueError: bad",
                "[2024-01-05T12:00:02Z] bracketed",
                "2024/01/05 12:00:03 go style",
                ""));
        RecordingHandler h = read(file);
        assertEquals(List.of(), h.problems);
        assertEquals(List.of("INFO app: starting", "ERROR app: charge failed", "Traceback (most recent call last):",
                "  File \"app.py\", line 3, in <module>", "ValueError: bad", "bracketed", "go style"), h.messages);
        long t = millis("2024-01-05T12:00:01.500Z");
        assertEquals(List.of(millis("2024-01-05T12:00:00.123Z"), t, t, t, t, millis("2024-01-05T12:00:02Z"),
                millis("2024-01-05T12:00:03Z")), h.rows.stream().map(LogLine::timestampMillis).toList());
        assertTrue(h.rows.stream().allMatch(r -> r.source().host().equals("server.log") && r.source().program().isEmpty()),
                "no host in the file: the file name is the source");
        List<Long> ids = h.ids();
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) > ids.get(i - 1), "ids increase within a file");
        }
        RecordingHandler again = read(file);
        assertEquals(ids, again.ids(), "the same file gives the same ids");
        Path copy = Files.copy(file, dir.resolve("server.log.1"));
        assertEquals(ids, read(copy).ids(), "a renamed (rotated) copy too: its first line identifies it");
        Path other = text("other.log", "2024-01-05 13:00:00,000 INFO app: another log\n");
        assertNotEquals(ids.getFirst(), read(other).ids().getFirst(), "another log, other ids");
        Path gz = TestArchives.write(dir.resolve("server.log.2.gz"), TestArchives.gzip(Files.readAllBytes(file)));
        assertEquals(ids, read(gz).ids(), "and a rotated, compressed copy");
        Path sameStart = Files.copy(file, dir.resolve("user-2.log"));
        assertNotEquals(ids.getFirst(), read(sameStart).ids().getFirst(),
                "two logs that start alike but have other names are two logs");
    }

    @Test
    void linesWithNoTimestampAtAllGetTheFileTimeInFileOrder() throws IOException {
        Path file = text("plain.txt", "ERROR:root:something broke\nTraceback (most recent call last):\nKeyError: 1\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(millis("2023-03-04T05:06:07Z")));
        RecordingHandler h = read(file);
        assertEquals(List.of("ERROR:root:something broke", "Traceback (most recent call last):", "KeyError: 1"), h.messages);
        assertTrue(h.rows.stream().allMatch(r -> r.timestampMillis() == millis("2023-03-04T05:06:07Z")));
    }

    @Test
    void syslogLinesInBothRfcFormsGiveHostAndProgram() throws IOException {
        Path file = text("syslog", String.join("\n",
                "<13>1 2026-12-03T06:22:36.336369+00:00 vm myapp 10408 - [timeQuality tzKnown=\"1\" isSynced=\"0\"] hello 5424",
                "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 - no structured data",
                "<13>Dec  3 06:22:36 vm myapp[10409]: hello 3164",
                "<13>Dec  3 06:22:37 myapp[10407]: no host, as logger -s writes",
                "Dec  3 06:22:38 web-2 sshd[99]: from a /var/log/syslog file",
                ""));
        Files.setLastModifiedTime(file, FileTime.fromMillis(millis("2026-12-03T07:00:00Z")));
        RecordingHandler h = read(file);
        assertEquals(List.of(), h.problems);
        assertEquals(List.of("hello 5424", "no structured data", "hello 3164", "no host, as logger -s writes",
                "from a /var/log/syslog file"), h.messages);
        assertEquals(List.of("vm/myapp", "mymachine.example.com/evntslog", "vm/myapp", "syslog/myapp", "web-2/sshd"),
                h.rows.stream().map(r -> r.source().toString()).toList());
        assertEquals(List.of(millis("2026-12-03T06:22:36.336Z"), millis("2003-10-11T22:14:15.003Z"),
                millis("2026-12-03T06:22:36Z"), millis("2026-12-03T06:22:37Z"), millis("2026-12-03T06:22:38Z")),
                h.rows.stream().map(LogLine::timestampMillis).toList());
    }

    @Test
    void aPythonFormatStringOrARegexReadsOtherLayouts() {
        Path file = text("app.log", String.join("\n",
                "05/01/2024 host=web-3 worker[77] | 2024-01-05T12:00:00Z | oops",
                "Traceback (most recent call last):",
                ""));
        TextPattern regex = TextPattern.parse("^\\S+ host=(?<host>\\S+) (?<program>\\w+)\\[\\d+\\] \\| (?<time>\\S+) \\| (?<message>.*)$");
        RecordingHandler h = read(ReaderOptions.defaults().withInputFormat(InputFormat.TEXT).withTextPattern(regex), file);
        assertEquals(List.of("oops", "Traceback (most recent call last):"), h.messages);
        assertEquals(List.of("web-3/worker", "web-3/worker"), h.rows.stream().map(r -> r.source().toString()).toList());

        Path py = text("py.log", "2024-01-05 12:00:00,250 - billing.charges - ERROR - failed\nValueError: x\n");
        TextPattern format = TextPattern.parse("%(asctime)s - %(name)s - %(levelname)s - %(message)s");
        RecordingHandler p = read(ReaderOptions.defaults().withTextPattern(format), py);
        assertEquals(List.of("failed", "ValueError: x"), p.messages);
        assertEquals("py.log/billing.charges", p.rows.getFirst().source().toString());
        assertEquals(millis("2024-01-05T12:00:00.250Z"), p.rows.get(1).timestampMillis());
    }

    @Test
    void compressionIsToldByMagicBytesWhateverTheName() throws IOException {
        byte[] log = TestArchives.utf8("2024-01-05 12:00:00,123 INFO a\n2024-01-05 12:00:01,123 INFO b\n");
        Path gz = TestArchives.write(dir.resolve("a.log"), TestArchives.concat(TestArchives.gzip(log), TestArchives.gzip(log)));
        Path bz = TestArchives.write(dir.resolve("b.txt"), compress(log, BZip2CompressorOutputStream::new));
        Path xz = TestArchives.write(dir.resolve("c.gz"), compress(log, XZCompressorOutputStream::new));
        RecordingHandler h = read(gz, bz, xz);
        assertEquals(List.of(), h.problems);
        assertEquals(List.of("INFO a", "INFO b", "INFO a", "INFO b", "INFO a", "INFO b", "INFO a", "INFO b"), h.messages);
    }

    @Test
    void zstdIsRecognisedAndRefusedClearly() {
        Path z = TestArchives.write(dir.resolve("x.log.zst"), new byte[]{0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0, 0, 0});
        RecordingHandler h = read(z);
        assertEquals(1, h.problems.size());
        assertEquals("x.log.zst: zstd-compressed files are not supported; decompress it first (zstd -d)",
                h.problems.getFirst().toString());
    }

    @Test
    void theInputFormatCanBeForced() {
        Path file = text("x.jl", "{\"msg\":\"a\"}\n");
        RecordingHandler h = read(ReaderOptions.defaults().withInputFormat(InputFormat.TEXT), file);
        assertEquals(List.of("{\"msg\":\"a\"}"), h.messages);
    }

    private interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compress(byte[] data, Compressor c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = c.wrap(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
