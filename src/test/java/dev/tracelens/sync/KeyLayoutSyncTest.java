package dev.tracelens.sync;

import dev.tracelens.archive.ArchiveReader;
import dev.tracelens.archive.InputFormat;
import dev.tracelens.archive.Problem;
import dev.tracelens.archive.ReadProgress;
import dev.tracelens.archive.ReaderOptions;
import dev.tracelens.archive.RowHandler;
import dev.tracelens.archive.RowView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Key layouts other than Papertrail's, on the real s3proxy: per-user JSON-lines files under
 * {@code rainforest-logs/<id>/YYYY/MM/DD/}, next to a second prefix of plain-text service logs in
 * {@code dt=} folders; a date range lists only its days' prefixes.
 */
@ExtendWith(S3ProxyExtension.class)
class KeyLayoutSyncTest {
    private static final LocalDate DAY = LocalDate.of(2015, 9, 28);

    @TempDir
    Path cache;

    @Test
    void theTemplateFindsDaysAndPrefixes() {
        KeyLayout perUser = new KeyLayout("{prefix}/{source}/{yyyy}/{MM}/{dd}/{name}");
        assertTrue(perUser.sourcesFirst());
        assertEquals("rainforest-logs/", perUser.sourcesPrefix("rainforest-logs"));
        assertEquals("rainforest-logs/002506/2015/09/28/", perUser.dayPrefix("rainforest-logs", "002506", DAY));
        assertEquals(DAY, perUser.dayOf("rainforest-logs", "rainforest-logs/002506/2015/09/28/iseif-rainforest-002506-2015-09-28-16.jl"));
        assertNull(perUser.dayOf("rainforest-logs", "rainforest-logs/002506/2015/09/iseif.jl"));
        KeyLayout papertrail = KeyLayout.papertrail();
        assertEquals("papertrail/logs/dt=2015-09-28/", papertrail.dayPrefix("papertrail/logs", null, DAY));
        assertEquals("dt=2015-09-28/", papertrail.dayPrefix("", null, DAY));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KeyLayout("{prefix}/{name}"))
                .getMessage().contains("must hold {yyyy}, {MM} and {dd}"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KeyLayout("{prefix}/{year}/{yyyy}/{MM}/{dd}/{name}"))
                .getMessage().contains("unknown placeholder {year}"));
    }

    @Test
    void perUserJsonLinesAndPlainTextPrefixesSyncByDayAndReadInTheirFormats(S3ProxyServer server) throws Exception {
        String bucket = "layouts-" + ProcessHandle.current().pid();
        var admin = server.adminClient();
        TestArchives.createBucket(admin, bucket);
        String jl = "{\"time\":\"2015-09-28T16:00:01Z\",\"name\":\"iseif\",\"msg\":\"request\"}\n"
                + "{\"time\":\"2015-09-28T16:00:02Z\",\"name\":\"iseif\",\"msg\":\"failed\",\"exc_info\":"
                + "\"Traceback (most recent call last):\\n  File \\\"a.py\\\", line 1, in f\\nValueError: v\"}\n";
        List<String> inRange = List.of(
                "rainforest-logs/002506/2015/09/28/iseif-rainforest-002506-2015-09-28-16.jl",
                "rainforest-logs/002506/2015/09/28/iseif-rainforest-002506-2015-09-28-17.jl",
                "rainforest-logs/002507/2015/09/28/iseif-rainforest-002507-2015-09-28-16.jl");
        for (String key : inRange) {
            TestArchives.put(admin, bucket, key, gzip(jl));
        }
        TestArchives.put(admin, bucket, "rainforest-logs/002506/2015/09/29/iseif-rainforest-002506-2015-09-29-00.jl", gzip(jl));
        TestArchives.put(admin, bucket, "rainforest-logs/002508/2015/09/27/iseif-rainforest-002508-2015-09-27-23.jl", gzip(jl));
        String serverLog = "2015-09-28 16:00:03,120 ERROR server: boom\nTraceback (most recent call last):\n"
                + "  File \"server.py\", line 9, in run\nKeyError: 'k'\n";
        TestArchives.put(admin, bucket, "service/dt=2015-09-28/server.log", serverLog.getBytes(StandardCharsets.UTF_8));
        TestArchives.put(admin, bucket, "service/dt=2015-09-29/server.log", serverLog.getBytes(StandardCharsets.UTF_8));

        SyncOptions options = SyncOptions.defaults().withRetryBaseDelay(Duration.ofMillis(5));
        SyncSettings users = server.settings(bucket).overriddenBy(null, "rainforest-logs", null, null, null);
        S3ArchiveSync perUser = new S3ArchiveSync(S3ClientFactory.create(users, options, S3ProxyServer.credentials()),
                users, new KeyLayout("{prefix}/{source}/{yyyy}/{MM}/{dd}/{name}"), cache, options);
        SyncPlan plan = perUser.plan(DAY, DAY);
        assertEquals(inRange, plan.archives().stream().map(a -> a.remote().key()).toList());
        List<Path> jsonFiles = new ArrayList<>();
        assertTrue(perUser.run(plan, new SyncListener() {
        }, a -> jsonFiles.add(a.localFile())).complete());
        assertTrue(jsonFiles.stream().allMatch(p -> p.getFileName().toString().endsWith(".jl")), jsonFiles.toString());

        SyncSettings service = server.settings(bucket).overriddenBy(null, "service", null, null, null);
        S3ArchiveSync text = new S3ArchiveSync(S3ClientFactory.create(service, options, S3ProxyServer.credentials()),
                service, cache, options);
        SyncPlan textPlan = text.plan(DAY, DAY);
        assertEquals(List.of("service/dt=2015-09-28/server.log"), textPlan.archives().stream().map(a -> a.remote().key()).toList());
        List<Path> textFiles = new ArrayList<>();
        assertTrue(text.run(textPlan, new SyncListener() {
        }, a -> textFiles.add(a.localFile())).complete());

        // Each prefix read in its format (the json one forced, the text one told by content).
        List<String> jsonMessages = messages(jsonFiles, ReaderOptions.defaults().withInputFormat(InputFormat.JSONL));
        assertEquals(6, jsonMessages.size());
        assertTrue(jsonMessages.get(1).startsWith("failed\nTraceback (most recent call last):"), jsonMessages.get(1));
        List<String> textMessages = messages(textFiles, ReaderOptions.defaults());
        assertEquals(List.of("ERROR server: boom", "Traceback (most recent call last):", "  File \"server.py\", line 9, in run",
                "KeyError: 'k'"), textMessages);
    }

    private static List<String> messages(List<Path> files, ReaderOptions options) {
        List<String> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        new ArchiveReader(options).read(files, new RowHandler() {
            @Override
            public void onRow(RowView row) {
                out.add(row.message());
            }

            @Override
            public void onProblem(Problem problem) {
                problems.add(problem);
            }
        }, ReadProgress.NONE);
        assertEquals(List.of(), problems);
        return out;
    }

    private static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
