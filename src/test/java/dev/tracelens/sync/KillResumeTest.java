package dev.tracelens.sync;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a real {@code tracelens sync} process (SIGKILL, no shutdown hooks) in the middle of an
 * archive, then syncs again: the half file never counts as synced and is resumed, not restarted.
 */
@ExtendWith(S3ProxyExtension.class)
class KillResumeTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    @Test
    void aKilledSyncIsResumedFromItsPartFile(S3ProxyServer server, @TempDir Path tmp) throws Exception {
        String bucket = "kill-" + ProcessHandle.current().pid();
        TestArchives.createBucket(server.adminClient(), bucket);
        String key = "papertrail/logs/dt=2024-03-01/2024-03-01-11.tsv.gz";
        byte[] content = TestArchives.hourly(DAY.atTime(11, 0), 60_000, 11);
        TestArchives.put(server.adminClient(), bucket, key, content);
        Path cacheDir = tmp.resolve("cache");
        long cut = 500_000;

        try (FaultProxy proxy = new FaultProxy(server.port())) {
            SyncSettings settings = new SyncSettings(bucket, null, "us-east-1", null, proxy.endpoint());
            ArchiveCache cache = new ArchiveCache(cacheDir, bucket, settings.prefix());
            Path target = cache.fileFor(key, DAY);
            proxy.stallNextGet(cut);

            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    "dev.tracelens.Main", "sync", "--bucket", bucket, "--from", "2024-03-01", "--to", "2024-03-01",
                    "--endpoint", proxy.endpoint(), "--region", "us-east-1",
                    "--cache", cacheDir.toString(), "--config-dir", tmp.resolve("config").toString(), "--no-import")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
            // Credentials through the SDK's default chain (environment), as a user would.
            pb.environment().put("AWS_ACCESS_KEY_ID", S3ProxyServer.IDENTITY);
            pb.environment().put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET);
            pb.environment().remove("AWS_PROFILE");
            Process child = pb.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                Path part = null;
                while (System.nanoTime() < deadline && child.isAlive()) {
                    part = partOf(target);
                    if (part != null && Files.size(part) == cut) {
                        break;
                    }
                    Thread.sleep(20);
                }
                assertTrue(child.isAlive(), () -> "child ended early: " + log(tmp));
                assertTrue(part != null && Files.size(part) == cut, () -> "no part file of " + cut + " bytes: " + log(tmp));
                child.destroyForcibly(); // SIGKILL: no hook, no cleanup
                assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            } finally {
                child.destroyForcibly();
                proxy.releaseStalls();
            }
            assertFalse(Files.exists(target), "a killed download must not leave a file under the final name");
            String state = Files.exists(cache.root().resolve(SyncState.FILE_NAME))
                    ? Files.readString(cache.root().resolve(SyncState.FILE_NAME)) : "";
            assertFalse(state.contains("SYNCED"), state);

            long before = proxy.getBodyBytes();
            SyncOptions options = SyncOptions.defaults();
            S3ArchiveSync again = new S3ArchiveSync(S3ClientFactory.create(settings, options, S3ProxyServer.credentials()),
                    settings, cacheDir, options);
            SyncReport report = again.run(again.plan(DAY, DAY), SyncListener.NONE, a -> { });
            assertTrue(report.complete(), report.failed().toString());
            assertEquals(content.length - cut, proxy.getBodyBytes() - before, "only the missing bytes are fetched");
            assertArrayEquals(content, Files.readAllBytes(target));
            assertEquals(null, partOf(target));
        }
    }

    private static Path partOf(Path target) throws Exception {
        if (!Files.isDirectory(target.getParent())) {
            return null;
        }
        try (var files = Files.list(target.getParent())) {
            List<Path> parts = files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
            return parts.isEmpty() ? null : parts.getFirst();
        }
    }

    private static String log(Path tmp) {
        try {
            return Files.readString(tmp.resolve("child.log"));
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
