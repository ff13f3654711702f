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

    @Test
    void failedArchivesGoToTheFailedListAndRetryFailedFetchesOnlyThose() throws Exception {
        String bucket = newBucket();
        Map<String, byte[]> expected = papertrailBucket(bucket);
        String bad = "papertrail/logs/dt=2024-03-01/2024-03-01-02.tsv.gz";
        try (FaultProxy proxy = new FaultProxy(server.port())) {
            SyncOptions twoAttempts = fastRetries().withMaxAttempts(2);
            S3ArchiveSync sync = sync(via(proxy, bucket), twoAttempts);
            SyncPlan plan = sync.plan(DAY1, DAY2);
            proxy.failNext(100, 500, "InternalError", "2024-03-01-02");
            List<FailedArchive> heard = Collections.synchronizedList(new ArrayList<>());
            SyncReport report = sync.run(plan, new SyncListener() {
                @Override
                public void failed(FailedArchive f) {
                    heard.add(f);
                }
            }, a -> { });

            assertFalse(report.complete());
            assertEquals(4, report.downloaded().size());
            assertEquals(List.of(bad), report.failed().stream().map(FailedArchive::key).toList());
            assertEquals(report.failed(), heard);
            String reason = report.failed().getFirst().reason();
            assertTrue(reason.contains("HTTP 500") && reason.contains("InternalError"), reason);
            assertFalse(Files.exists(plan.archives().get(2).localFile()));
            assertEquals(Map.of(bad, reason), sync(via(proxy, bucket), twoAttempts).failedKeys());

            // A plain re-sync shows it as failed (and tries it again).
            assertEquals(PlannedArchive.Status.FAILED,
                    sync(via(proxy, bucket), twoAttempts).plan(DAY1, DAY2).archives().get(2).status());

            proxy.failNext(0, 500, "InternalError", "");
            S3ArchiveSync retry = sync(via(proxy, bucket), twoAttempts);
            SyncPlan retryPlan = retry.planRetryFailed();
            assertEquals(List.of(bad), retryPlan.archives().stream().map(a -> a.remote().key()).toList());
            SyncReport retried = retry.run(retryPlan, SyncListener.NONE, a -> { });
            assertTrue(retried.complete());
            assertArrayEquals(expected.get(bad), Files.readAllBytes(retried.downloaded().getFirst().localFile()));
            assertEquals(Map.of(), retry.failedKeys());
            assertEquals(5, sync(via(proxy, bucket), twoAttempts).plan(DAY1, DAY2).count(PlannedArchive.Status.SYNCED));
        }
    }

    @Test
    void anInterruptedSyncLeavesOnlyAPartFileAndTheNextOneResumesIt() throws Exception {
        String bucket = "resume-" + newBucket();
        TestArchives.createBucket(admin, bucket);
        String key = "papertrail/logs/dt=2024-03-01/2024-03-01-07.tsv.gz";
        byte[] content = TestArchives.hourly(DAY1.atTime(7, 0), 60_000, 7);
        assertTrue(content.length > 1_000_000, "archive must be big enough to cut: " + content.length);
        TestArchives.put(admin, bucket, key, content);
        long cut = 600_000;
        try (FaultProxy proxy = new FaultProxy(server.port())) {
            S3ArchiveSync first = sync(via(proxy, bucket), fastRetries());
            SyncPlan plan = first.plan(DAY1, DAY1);
            Path target = plan.archives().getFirst().localFile();
            Path part = ArchiveDownloader.partFile(target, plan.archives().getFirst().remote().etag());
            proxy.stallNextGet(cut);
            SyncReport[] result = new SyncReport[1];
            Thread t = new Thread(() -> result[0] = first.run(plan, SyncListener.NONE, a -> { }));
            t.start();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!(Files.exists(part) && Files.size(part) == cut) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            first.cancel();
            proxy.releaseStalls();
            t.join(20_000);

            assertFalse(t.isAlive());
            assertTrue(result[0].cancelled());
            assertEquals(List.of(), result[0].downloaded());
            assertFalse(Files.exists(target), "a half file must never carry the final name");
            assertEquals(cut, Files.size(part));

            // A new process (fresh state from disk) sees it as new, and fetches only the rest.
            long before = proxy.getBodyBytes();
            S3ArchiveSync second = sync(via(proxy, bucket), fastRetries());
            SyncPlan plan2 = second.plan(DAY1, DAY1);
            assertEquals(PlannedArchive.Status.NEW, plan2.archives().getFirst().status());
            SyncReport report = second.run(plan2, SyncListener.NONE, a -> { });
            assertTrue(report.complete());
            assertEquals(content.length - cut, proxy.getBodyBytes() - before);
            assertArrayEquals(content, Files.readAllBytes(target));
            assertFalse(Files.exists(part));
        }
    }

    @Test
    void aCorruptPartFileFailsTheChecksumAndIsReplacedNextTime() throws Exception {
        String bucket = newBucket();
        TestArchives.createBucket(admin, bucket);
        String key = "papertrail/logs/dt=2024-03-01/2024-03-01-09.tsv.gz";
        byte[] content = TestArchives.hourly(DAY1.atTime(9, 0), 2000, 9);
        TestArchives.put(admin, bucket, key, content);
        SyncSettings settings = server.settings(bucket);
        S3ArchiveSync first = sync(settings, fastRetries());
        SyncPlan plan = first.plan(DAY1, DAY1);
        Path target = plan.archives().getFirst().localFile();
        Path part = ArchiveDownloader.partFile(target, plan.archives().getFirst().remote().etag());
        Files.createDirectories(part.getParent());
        Files.write(part, new byte[100]); // zeros where the gzip header should be

        SyncReport report = first.run(plan, SyncListener.NONE, a -> { });
        assertEquals(1, report.failed().size());
        assertTrue(report.failed().getFirst().reason().startsWith("Checksum mismatch"), report.failed().toString());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(part));

        SyncReport again = sync(settings, fastRetries()).run(sync(settings, fastRetries()).plan(DAY1, DAY1),
                SyncListener.NONE, a -> { });
        assertTrue(again.complete());
        assertArrayEquals(content, Files.readAllBytes(target));
    }

    @Test
    void aSlowImporterGetsWhatIsReadyInOneBatchInTimeOrder() throws Exception {
        String bucket = newBucket();
        Map<String, byte[]> expected = papertrailBucket(bucket);
        try (FaultProxy proxy = new FaultProxy(server.port())) {
            S3ArchiveSync sync = sync(via(proxy, bucket), fastRetries());
            proxy.stallNextGet(100, "2024-03-01-01");
            List<List<String>> batches = new ArrayList<>();
            long[] inImporter = new long[1];
            SyncReport report = sync.runBatches(sync.plan(DAY1, DAY2), SyncListener.NONE, batch -> {
                long t0 = System.nanoTime();
                batches.add(batch.stream().map(SyncedArchive::key).toList());
                if (batches.size() == 1) {
                    proxy.releaseStalls(); // hour 01 is cut off and resumed ...
                    awaitEveryDownload(); // ... and everything else downloads while this "import" runs
                }
                inImporter[0] += System.nanoTime() - t0;
            });
            assertTrue(report.complete());
            List<String> keys = List.copyOf(expected.keySet());
            assertEquals(List.of(keys.subList(0, 1), keys.subList(1, 5)), batches);
            assertTrue(report.handoffTime().toNanos() >= inImporter[0],
                    "the time in the importer is counted: " + report.handoffTime());
        }
    }

    /**
     * Waits until the sync's download threads have ended. The pool is shut down once every
     * download is submitted, so its threads end when the last download has finished: every
     * download's result is then ready to hand over. (A hang guard, not a timing assertion.)
     */
    private static void awaitEveryDownload() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("tracelens-sync-") && t.isAlive())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the downloads did not finish within a minute");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void filesCompletedBeforeAKillThatLostTheStateAreVerifiedNotDownloadedAgain() throws Exception {
        String bucket = newBucket();
        Map<String, byte[]> expected = papertrailBucket(bucket);
        SyncSettings settings = server.settings(bucket);
        S3ArchiveSync first = sync(settings, fastRetries());
        first.run(first.plan(DAY1, DAY2), SyncListener.NONE, a -> { });
        Path stateFile = first.cache().root().resolve(SyncState.FILE_NAME);
        assertTrue(Files.exists(stateFile));
        Files.delete(stateFile); // killed after the renames, before the state was written
        Path tampered = first.cache().fileFor("papertrail/logs/dt=2024-03-01/2024-03-01-03.tsv.gz", DAY1);
        byte[] bad = Files.readAllBytes(tampered);
        bad[bad.length / 2] ^= 1; // same size, other content: must not be adopted
        Files.write(tampered, bad);

        S3ArchiveSync second = sync(settings, fastRetries());
        SyncPlan plan = second.plan(DAY1, DAY2);
        assertEquals(5, plan.count(PlannedArchive.Status.NEW));
        SyncReport report = second.run(plan, SyncListener.NONE, a -> { });
        assertTrue(report.complete());
        assertEquals(5, report.downloaded().size());
        assertEquals(expected.get("papertrail/logs/dt=2024-03-01/2024-03-01-03.tsv.gz").length, report.bytesDownloaded());
        for (SyncedArchive a : report.downloaded()) {
            assertArrayEquals(expected.get(a.key()), Files.readAllBytes(a.localFile()), a.key());
        }
        assertEquals(5, sync(settings, fastRetries()).plan(DAY1, DAY2).count(PlannedArchive.Status.SYNCED));
    }
}
