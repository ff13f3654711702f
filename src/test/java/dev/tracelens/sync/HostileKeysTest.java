package dev.tracelens.sync;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys come from someone else's bucket: none of them may write outside the cache folder. */
@ExtendWith(S3ProxyExtension.class)
class HostileKeysTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);
    private static final String DAY_PREFIX = "papertrail/logs/dt=2024-03-01/";

    static S3ProxyServer server;
    static S3Client admin;

    @BeforeAll
    static void start(S3ProxyServer s) {
        server = s;
        admin = s.adminClient();
    }

    /** Unit level: the mapping alone, including keys S3 itself would not accept (2000 chars). */
    @Test
    void everyKeyMapsToADistinctFileInsideTheDayFolder(@TempDir Path tmp) {
        Path cacheDir = tmp.resolve("cache");
        ArchiveCache cache = new ArchiveCache(cacheDir, "bucket", "papertrail/logs");
        List<String> rests = List.of("..", ".", "../../../../etc/passwd", "/etc/passwd", "..\\..\\win.ini",
                "a/../../b", "dir/../../../x.tsv.gz", "nul\0byte.tsv.gz", "bell\u0007\r\n\tctl.tsv", "x".repeat(2000),
                "../".repeat(300) + "deep", "~/.ssh/id_rsa", "\u202Egnp.exe.tsv.gz", "2024-03-01-00.tsv.gz/..",
                "", "2024-03-01-00.tsv.gz.part", "sub/2024-03-01-00.tsv.gz");
        Set<Path> seen = new HashSet<>();
        Path dayDir = cache.dayDir(DAY);
        for (String rest : rests) {
            for (String key : List.of(DAY_PREFIX + rest, rest)) {
                Path p = cache.fileFor(key, DAY);
                assertEquals(dayDir, p.getParent(), () -> "key " + key.substring(0, Math.min(80, key.length())));
                assertTrue(p.normalize().startsWith(cacheDir.toAbsolutePath()), p.toString());
                String name = p.getFileName().toString();
                assertTrue(name.length() <= 120, name);
                assertTrue(name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/' && c != '\\'), name);
                assertTrue(!name.startsWith("."), name);
                assertTrue(seen.add(p), "two keys mapped to " + p);
            }
        }
        // Well-formed Papertrail names stay readable.
        assertEquals(dayDir.resolve("2024-03-01-05.tsv.gz"), cache.fileFor(DAY_PREFIX + "2024-03-01-05.tsv.gz", DAY));
        assertEquals(dayDir.resolve("2024-03-01.tsv.gz"), cache.fileFor(DAY_PREFIX + "2024-03-01.tsv.gz", DAY));
        // Hostile bucket and prefix names stay one folder each.
        ArchiveCache odd = new ArchiveCache(cacheDir, "../..", "/../../x/");
        assertEquals(cacheDir.toAbsolutePath(), odd.root().getParent().getParent());
    }

    /** End to end: hostile keys listed from a real server and downloaded through the SDK. */
    @Test
    void hostileKeysFromTheBucketAreDownloadedInsideTheCache(@TempDir Path tmp) throws Exception {
        String bucket = "hostile-" + ProcessHandle.current().pid();
        TestArchives.createBucket(admin, bucket);
        Map<String, byte[]> objects = new LinkedHashMap<>();
        // s3proxy's HTTP server refuses "../" path segments (real S3 takes them); the unit test
        // above covers those, this one every hostile shape the server accepts.
        List<String> rests = List.of("..\\..\\..\\escaped2.tsv.gz", "...", "..../x",
                "%2e%2e/%2e%2e/escaped3", "ctl\u0001\u001b[31mred\u0007.tsv.gz", "x".repeat(900) + ".tsv.gz",
                "2024-03-01-00.tsv.gz", "tab\there.tsv", "space and ümlaut.tsv.gz");
        int i = 0;
        for (String rest : rests) {
            byte[] content = TestArchives.hourly(DAY.atTime(0, 0), 10, i++);
            objects.put(DAY_PREFIX + rest, content);
            TestArchives.put(admin, bucket, DAY_PREFIX + rest, content);
        }
        Path cacheDir = tmp.resolve("inside/cache");
        Files.createDirectories(cacheDir);
        SyncSettings settings = server.settings(bucket);
        SyncOptions options = SyncOptions.defaults();
        S3ArchiveSync sync = new S3ArchiveSync(S3ClientFactory.create(settings, options, S3ProxyServer.credentials()),
                settings, cacheDir, options);
        SyncPlan plan = sync.plan(DAY, DAY);
        assertEquals(objects.keySet(), new HashSet<>(plan.archives().stream().map(a -> a.remote().key()).toList()));

        SyncReport report = sync.run(plan, SyncListener.NONE, a -> { });

        assertEquals(List.of(), report.failed());
        assertEquals(objects.size(), report.downloaded().size());
        for (SyncedArchive a : report.downloaded()) {
            assertTrue(a.localFile().startsWith(cacheDir.toAbsolutePath()), a.localFile().toString());
            assertArrayEquals(objects.get(a.key()), Files.readAllBytes(a.localFile()), a.key());
        }
        try (Stream<Path> all = Files.walk(tmp)) {
            List<Path> outside = all.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(cacheDir)).toList();
            assertEquals(List.of(), outside);
        }
    }
}
