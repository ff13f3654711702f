package dev.tracelens.cli;

import dev.tracelens.sync.S3ProxyExtension;
import dev.tracelens.sync.S3ProxyServer;
import dev.tracelens.sync.TestArchives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar target/tracelens.jar sync} (or the app image's launcher: {@link PackagedTracelens}) against s3proxy: the AWS SDK loads from
 * {@code lib/}, credentials come from the environment (the SDK's default chain), and nothing but
 * our own lines reaches stderr (no SLF4J warnings, no stack traces).
 */
@ExtendWith(S3ProxyExtension.class)
class SyncJarIT {
    private record Result(int code, String out, String err) {
    }

    private static Result run(Path tmp, String secret, String... args) throws Exception {
        List<String> command = new ArrayList<>(PackagedTracelens.command("sync"));
        command.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("AWS_ACCESS_KEY_ID", S3ProxyServer.IDENTITY);
        pb.environment().put("AWS_SECRET_ACCESS_KEY", secret);
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("xdg-config").toString());
        pb.environment().put("XDG_DATA_HOME", tmp.resolve("xdg-data").toString());
        pb.environment().remove("AWS_PROFILE");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tracelens sync did not finish");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void syncsFromTheJarIntoTheUserDataFolder(S3ProxyServer server, @TempDir Path tmp) throws Exception {
        TestArchives.createBucket(server.adminClient(), "jar-bucket");
        byte[] archive = TestArchives.hourly(LocalDateTime.of(2024, 3, 1, 6, 0), 500, 6);
        TestArchives.put(server.adminClient(), "jar-bucket", "papertrail/logs/dt=2024-03-01/2024-03-01-06.tsv.gz", archive);

        Result r = run(tmp, S3ProxyServer.SECRET, "--bucket", "jar-bucket", "--from", "2024-03-01", "--to", "2024-03-01",
                "--endpoint", server.endpoint(), "--region", "us-east-1");

        assertEquals(0, r.code(), r.err());
        Path cached = tmp.resolve("xdg-data/tracelens-archives/jar-bucket");
        try (var files = Files.walk(cached)) {
            List<Path> archives = files.filter(p -> p.toString().endsWith("2024-03-01-06.tsv.gz")).toList();
            assertEquals(1, archives.size(), archives.toString());
            assertTrue(archives.getFirst().startsWith(cached));
            assertArrayEquals(archive, Files.readAllBytes(archives.getFirst()));
        }
        assertTrue(Files.exists(tmp.resolve("xdg-config/tracelens/sync.json")));
        // Imported into the default store, the user data folder's tracelens/ beside the archives.
        assertTrue(r.out().startsWith("Imported 1 archive(s), "), r.out());
        assertTrue(Files.isDirectory(tmp.resolve("xdg-data/tracelens")));
        assertTrue(r.err().contains("Synced 1 archives"), r.err());
        assertFalse(r.err().contains("SLF4J"), r.err());
    }

    @Test
    void badCredentialsGiveOneLineAndExitCode1(S3ProxyServer server, @TempDir Path tmp) throws Exception {
        TestArchives.createBucket(server.adminClient(), "jar-bucket-2");
        String secret = "JAR-WRONG-SECRET-xq81";
        Result r = run(tmp, secret, "--bucket", "jar-bucket-2", "--from", "2024-03-01", "--to", "2024-03-01",
                "--endpoint", server.endpoint(), "--region", "us-east-1");
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("tracelens sync: " + server.endpoint() + " refused the credentials"), r.err());
        assertFalse((r.out() + r.err()).contains(secret));
    }
}
