package dev.tracelens.cli;

import dev.tracelens.sync.S3ProxyExtension;
import dev.tracelens.sync.S3ProxyServer;
import dev.tracelens.sync.TestArchives;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One bucket, two prefixes of different formats (per-user JSON lines in a custom key layout,
 * plain-text service logs in dt= folders), synced and imported by {@code tracelens sync} against
 * a real s3proxy; each prefix's layout and format are remembered in sync.json and shown by --list.
 */
@ExtendWith(S3ProxyExtension.class)
class SyncLayoutCommandTest {
    private static final String BUCKET = "layout-bucket";

    @TempDir
    Path tmp;

    @BeforeEach
    void credentials() throws Exception {
        Path creds = tmp.resolve("aws-credentials");
        Files.writeString(creds, "[tltest]\naws_access_key_id = " + S3ProxyServer.IDENTITY
                + "\naws_secret_access_key = " + S3ProxyServer.SECRET + "\n");
        Files.writeString(tmp.resolve("aws-config"), "");
        System.setProperty("aws.sharedCredentialsFile", creds.toString());
        System.setProperty("aws.configFile", tmp.resolve("aws-config").toString());
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty("aws.sharedCredentialsFile");
        System.clearProperty("aws.configFile");
    }

    private CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("sync", "--cache", tmp.resolve("cache").toString(), "--config-dir",
                tmp.resolve("config").toString(), "--store", tmp.resolve("store").toString()));
        all.addAll(List.of(args));
        int exit = new CommandLine(new TracelensCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        return new CliRun(exit, out.toString(), err.toString());
    }

    @Test
    void twoPrefixesOfDifferentFormatsSyncAndImportEachTheirWay(S3ProxyServer server) throws Exception {
        S3Client admin = server.adminClient();
        TestArchives.createBucket(admin, BUCKET);
        String record = "{\"time\":\"2015-09-28T16:00:0%d Z\",\"name\":\"iseif\",\"msg\":\"request %d\"}\n";
        String failure = "{\"time\":\"2015-09-28T16:00:09Z\",\"name\":\"iseif\",\"msg\":\"failed\",\"exc_info\":"
                + "\"Traceback (most recent call last):\\n  File \\\"a.py\\\", line 1, in f\\nValueError: user %s\"}\n";
        for (String user : List.of("002506", "002507")) {
            String key = "rainforest-logs/" + user + "/2015/09/28/iseif-rainforest-" + user + "-2015-09-28-16.jl";
            String body = String.format(record, 1, 1).replace(" Z", "Z") + String.format(failure, user);
            TestArchives.put(admin, BUCKET, key, body.getBytes(StandardCharsets.UTF_8));
        }
        TestArchives.put(admin, BUCKET, "rainforest-logs/002506/2015/09/29/iseif-rainforest-002506-2015-09-29-00.jl",
                String.format(failure, "later").getBytes(StandardCharsets.UTF_8));
        TestArchives.put(admin, BUCKET, "service/dt=2015-09-28/server.log", ("2015-09-28 16:00:03,120 ERROR server: boom\n"
                + "Traceback (most recent call last):\n  File \"server.py\", line 9, in run\nKeyError: 'k'\n")
                .getBytes(StandardCharsets.UTF_8));

        String layout = "{prefix}/{source}/{yyyy}/{MM}/{dd}/{name}";
        CliRun list = run("--bucket", BUCKET, "--prefix", "rainforest-logs", "--layout", layout, "--input-format", "jsonl",
                "--region", "us-east-1", "--profile", "tltest", "--endpoint", server.endpoint(),
                "--from", "2015-09-28", "--to", "2015-09-28", "--list");
        assertEquals(0, list.exitCode(), list.err());
        List<String> lines = list.out().lines().toList();
        assertEquals(2, lines.size(), list.out());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("NEW ") && l.contains(" jsonl ")), list.out());

        CliRun users = run("--prefix", "rainforest-logs", "--from", "2015-09-28", "--to", "2015-09-28");
        assertEquals(0, users.exitCode(), users.err());
        assertTrue(users.out().startsWith("Imported 2 archive(s), ") && users.out().contains("holds 2 tracebacks"),
                users.out() + users.err());

        CliRun service = run("--prefix", "service", "--from", "2015-09-28", "--to", "2015-09-28");
        assertEquals(0, service.exitCode(), service.err());
        assertTrue(service.out().startsWith("Imported 1 archive(s), "), service.out());
        assertTrue(service.out().contains("holds 3 tracebacks"), service.out());

        CliRun again = run("--prefix", "service", "--from", "2015-09-28", "--to", "2015-09-28", "--list");
        assertTrue(again.out().contains("SYNCED") && again.out().contains(" auto:text "), again.out());
        String saved = Files.readString(tmp.resolve("config/sync.json"));
        assertTrue(saved.contains("\"prefix\" : \"rainforest-logs\"") && saved.contains("\"layout\" : \"" + layout + "\"")
                && saved.contains("\"inputFormat\" : \"jsonl\""), saved);

        CliRun groups = CliRun.of("groups", "--store", tmp.resolve("store").toString());
        assertEquals(0, groups.exitCode(), groups.err());
        assertTrue(groups.out().contains("ValueError") && groups.out().contains("KeyError"), groups.out());
    }
}
