package dev.tracelens.sync;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Syncs through the AWS SDK from a real s3proxy server on loopback. */
@ExtendWith(S3ProxyExtension.class)
class S3ArchiveSyncTest {
    private static final LocalDate DAY1 = LocalDate.of(2024, 3, 1);
    private static final LocalDate DAY2 = LocalDate.of(2024, 3, 2);
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    static S3ProxyServer server;
    static S3Client admin;

    @TempDir
    Path cache;

    @BeforeAll
    static void start(S3ProxyServer s) {
        server = s;
        admin = s.adminClient();
    }

    /** A fresh bucket with hours 00..03 of DAY1, a daily DAY2 archive and archives outside the range. */
    private static Map<String, byte[]> papertrailBucket(String bucket) {
        TestArchives.createBucket(admin, bucket);
        Map<String, byte[]> inRange = new LinkedHashMap<>();
        for (int h = 0; h < 4; h++) {
            String key = String.format("papertrail/logs/dt=2024-03-01/2024-03-01-%02d.tsv.gz", h);
            inRange.put(key, TestArchives.hourly(DAY1.atTime(h, 0), 200 + h, h));
        }
        inRange.put("papertrail/logs/dt=2024-03-02/2024-03-02.tsv.gz", TestArchives.hourly(DAY2.atStartOfDay(), 300, 99));
        inRange.forEach((k, v) -> TestArchives.put(admin, bucket, k, v));
        TestArchives.put(admin, bucket, "papertrail/logs/dt=2024-03-05/2024-03-05-00.tsv.gz",
                TestArchives.hourly(LocalDateTime.of(2024, 3, 5, 0, 0), 10, 5));
        TestArchives.put(admin, bucket, "other/dt=2024-03-01/2024-03-01-00.tsv.gz",
                TestArchives.hourly(DAY1.atStartOfDay(), 10, 6));
        return inRange;
    }

    private static String newBucket() {
        return "sync-" + BUCKETS.incrementAndGet() + "-" + ProcessHandle.current().pid();
    }

    private static SyncOptions fastRetries() {
        return SyncOptions.defaults().withRetryBaseDelay(Duration.ofMillis(5));
    }

    private S3ArchiveSync sync(SyncSettings settings, SyncOptions options) {
        return new S3ArchiveSync(S3ClientFactory.create(settings, options, S3ProxyServer.credentials()),
                settings, cache, options);
    }

    private SyncSettings via(FaultProxy proxy, String bucket) {
        return new SyncSettings(bucket, null, "us-east-1", null, proxy.endpoint());
    }

    @Test
    void firstSyncDownloadsTheRangeOnlyAndHandsArchivesOverInTimeOrder() throws Exception {
        String bucket = newBucket();
        Map<String, byte[]> expected = papertrailBucket(bucket);
        try (FaultProxy proxy = new FaultProxy(server.port())) {
            S3ArchiveSync sync = sync(via(proxy, bucket), fastRetries());
            SyncPlan plan = sync.plan(DAY1, DAY2);

            assertEquals(List.copyOf(expected.keySet()), plan.archives().stream().map(a -> a.remote().key()).toList());
            assertEquals(5, plan.count(PlannedArchive.Status.NEW));
            List<String> handed = new ArrayList<>();
            List<SyncProgress> progress = Collections.synchronizedList(new ArrayList<>());
            SyncReport report = sync.run(plan, new SyncListener() {
                @Override
                public void progress(SyncProgress p) {
                    progress.add(p);
                }
            }, a -> handed.add(a.key()));

            assertTrue(report.complete());
            assertEquals(List.copyOf(expected.keySet()), handed);
            long total = expected.values().stream().mapToLong(b -> b.length).sum();
            assertEquals(total, report.bytesDownloaded());
            for (SyncedArchive a : report.downloaded()) {
                assertTrue(a.localFile().startsWith(cache), a.localFile().toString());
                assertArrayEquals(expected.get(a.key()), Files.readAllBytes(a.localFile()), a.key());
                assertTrue(a.downloaded());
                assertTrue(a.etag().matches("[0-9a-f]{32}"), "MD5 ETag expected, so the checksum is verified: " + a.etag());
            }
            SyncProgress last = progress.getLast();
            assertEquals(new SyncProgress(5, 5, total, total, last.currentKey(), last.bytesPerSecond()), last);
            // Only the day folders of the range were listed, never the whole bucket.
            List<String> lists = proxy.requestLines().stream().filter(l -> l.contains("list-type=2")).toList();
            assertEquals(2, lists.size(), lists.toString());
            assertTrue(lists.get(0).contains("prefix=papertrail%2Flogs%2Fdt%3D2024-03-01%2F"), lists.get(0));
            assertTrue(lists.get(1).contains("prefix=papertrail%2Flogs%2Fdt%3D2024-03-02%2F"), lists.get(1));
            try (var files = Files.walk(cache)) {
                assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")));
            }
        }
    }

    @Test
    void resyncWithNothingNewDownloadsNothingAndAChangedArchiveIsFetchedAgain() throws Exception {
        String bucket = newBucket();
        Map<String, byte[]> expected = papertrailBucket(bucket);
        SyncSettings settings = server.settings(bucket);
        sync(settings, fastRetries()).run(sync(settings, fastRetries()).plan(DAY1, DAY2), SyncListener.NONE, a -> { });

        S3ArchiveSync again = sync(settings, fastRetries());
        SyncPlan plan = again.plan(DAY1, DAY2);
        assertEquals(5, plan.count(PlannedArchive.Status.SYNCED));
        List<SyncedArchive> handed = new ArrayList<>();
        SyncReport report = again.run(plan, SyncListener.NONE, handed::add);
        assertEquals(0, report.bytesDownloaded());
        assertEquals(List.of(), report.downloaded());
        assertEquals(5, report.alreadySynced().size());
        assertEquals(5, handed.size());
        assertTrue(handed.stream().noneMatch(SyncedArchive::downloaded));

        String changedKey = "papertrail/logs/dt=2024-03-01/2024-03-01-02.tsv.gz";
        byte[] changed = TestArchives.hourly(DAY1.atTime(2, 0), 500, 1234);
        TestArchives.put(admin, bucket, changedKey, changed);
        S3ArchiveSync third = sync(settings, fastRetries());
        SyncPlan plan3 = third.plan(DAY1, DAY2);
        assertEquals(1, plan3.count(PlannedArchive.Status.CHANGED));
        assertEquals(changedKey, plan3.toDownload().getFirst().remote().key());
        SyncReport report3 = third.run(plan3, SyncListener.NONE, a -> { });
        assertEquals(List.of(changedKey), report3.downloaded().stream().map(SyncedArchive::key).toList());
        assertEquals(changed.length, report3.bytesDownloaded());
        assertArrayEquals(changed, Files.readAllBytes(report3.downloaded().getFirst().localFile()));
        assertEquals(expected.size(), third.plan(DAY1, DAY2).count(PlannedArchive.Status.SYNCED));
    }

    @Test
    void throttlingServerErrorsAndDroppedConnectionsAreRetried() throws Exception {
        String bucket = newBucket();
        Map<String, byte[]> expected = papertrailBucket(bucket);
        try (FaultProxy proxy = new FaultProxy(server.port())) {
            S3ArchiveSync sync = sync(via(proxy, bucket), fastRetries().withParallelism(2));
            proxy.failNext(3, 503, "SlowDown", "list-type");
            SyncPlan plan = sync.plan(DAY1, DAY2);
            assertEquals(5, plan.archives().size());

            proxy.failNext(2, 500, "InternalError", "2024-03-01-01");
            proxy.dropNextGets(2, 1000);
            SyncReport report = sync.run(plan, SyncListener.NONE, a -> { });

            assertTrue(report.complete(), report.failed().toString());
            for (SyncedArchive a : report.downloaded()) {
                assertArrayEquals(expected.get(a.key()), Files.readAllBytes(a.localFile()), a.key());
            }
            long total = expected.values().stream().mapToLong(b -> b.length).sum();
            // The two cut-off bodies were resumed with Range requests, not fetched again whole.
            assertEquals(total, proxy.getBodyBytes());
            // 5 archives + 2 answered 500 + 2 resumes of the cut-off bodies; 2 lists + 3 answered SlowDown.
            List<String> lines = proxy.requestLines();
            assertEquals(9, lines.stream().filter(l -> l.startsWith("GET ") && !l.contains("list-type")).count(), lines.toString());
            assertEquals(5, lines.stream().filter(l -> l.contains("list-type")).count(), lines.toString());
        }
    }
}
