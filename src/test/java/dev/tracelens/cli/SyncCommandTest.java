package dev.tracelens.cli;

import dev.tracelens.sync.FaultProxy;
import dev.tracelens.sync.S3ProxyExtension;
import dev.tracelens.sync.S3ProxyServer;
import dev.tracelens.sync.TestArchives;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tracelens sync} against a real s3proxy, with credentials from a named profile in an AWS
 * credentials file (pointed to by the SDK's {@code aws.sharedCredentialsFile} property).
 */
@ExtendWith(S3ProxyExtension.class)
class SyncCommandTest {
    private static final String BUCKET = "cli-bucket";
    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);
    private static final String WRONG_SECRET = "CLI-WRONG-SECRET-mustnotappear-77";

    static S3ProxyServer server;

    @TempDir
    Path tmp;

    private Path cache;
    private Path config;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start(S3ProxyServer s) {
        server = s;
        S3Client admin = s.adminClient();
        TestArchives.createBucket(admin, BUCKET);
        for (int h = 0; h < 3; h++) {
            TestArchives.put(admin, BUCKET, String.format("papertrail/logs/dt=2024-03-01/2024-03-01-%02d.tsv.gz", h),
                    TestArchives.hourly(DAY.atTime(h, 0), 100, h));
        }
    }

    @BeforeEach
    void credentials() throws Exception {
        cache = tmp.resolve("cache");
        config = tmp.resolve("config");
        Path creds = tmp.resolve("aws-credentials");
        Files.writeString(creds, String.join("\n",
                "[tltest]",
                "aws_access_key_id = " + S3ProxyServer.IDENTITY,
                "aws_secret_access_key = " + S3ProxyServer.SECRET,
                "[wrong]",
                "aws_access_key_id = " + S3ProxyServer.IDENTITY,
                "aws_secret_access_key = " + WRONG_SECRET, ""));
        Files.writeString(tmp.resolve("aws-config"), "");
        System.setProperty("aws.sharedCredentialsFile", creds.toString());
        System.setProperty("aws.configFile", tmp.resolve("aws-config").toString());
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty("aws.sharedCredentialsFile");
        System.clearProperty("aws.configFile");
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of("sync", "--cache", cache.toString(), "--config-dir", config.toString(), "--store", tmp.resolve("store").toString()));
        all.addAll(List.of(args));
        int exit = new CommandLine(new TracelensCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void syncsOnceRemembersTheBucketAndThenFindsNothingNew() throws Exception {
        Run first = run("--bucket", BUCKET, "--from", "2024-03-01", "--to", "2024-03-01", "--region", "us-east-1",
                "--profile", "tltest", "--endpoint", server.endpoint(), "--no-import");

        assertEquals(0, first.exit(), first.err());
        assertTrue(first.err().contains("3 archives in s3://cli-bucket/papertrail/logs for 2024-03-01..2024-03-01: 3 new, 0 changed, 0 failed before, 0 already synced"), first.err());
        assertTrue(first.err().contains("[3/3] "), first.err());
        assertTrue(first.err().contains("Synced 3 archives"), first.err());
        List<String> files = first.out().lines().toList();
        assertEquals(3, files.size(), first.out());
        assertTrue(files.getFirst().endsWith("dt=2024-03-01/2024-03-01-00.tsv.gz"), files.getFirst());
        assertArrayEquals(TestArchives.hourly(DAY.atTime(0, 0), 100, 0), Files.readAllBytes(Path.of(files.getFirst())));

        String saved = Files.readString(config.resolve("sync.json"));
        assertTrue(saved.contains("\"bucket\" : \"cli-bucket\"") && saved.contains("\"profile\" : \"tltest\"")
                && saved.contains(server.endpoint()), saved);
        assertFalse(saved.contains(S3ProxyServer.SECRET) || saved.contains(S3ProxyServer.IDENTITY), saved);

        // Settings come back from sync.json: only the date range is needed now.
        Run again = run("--from", "2024-03-01", "--to", "2024-03-01", "--no-import");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.err().contains("0 new, 0 changed, 0 failed before, 3 already synced (0.0 MB to download)"), again.err());
        assertTrue(again.err().contains("Synced 0 archives (0.0 MB)"), again.err());

        Run list = run("--from", "2024-03-01", "--to", "2024-03-01", "--list");
        assertEquals(0, list.exit());
        assertEquals(3, list.out().lines().filter(l -> l.startsWith("SYNCED ")).count(), list.out());
    }

    @Test
    void failedArchivesAreListedAndRetryFailedFetchesOnlyThose() throws Exception {
        String failing = "papertrail/logs/dt=2024-03-01/2024-03-01-01.tsv.gz";
        try (FaultProxy proxy = new FaultProxy(server.port())) {
            proxy.failNext(100, 500, "InternalError", "2024-03-01-01");
            Run first = run("--bucket", BUCKET, "--from", "2024-03-01", "--to", "2024-03-01", "--region", "us-east-1",
                    "--profile", "tltest", "--endpoint", proxy.endpoint(), "--max-attempts", "2", "--no-import");
            assertEquals(1, first.exit(), first.err());
            assertTrue(first.err().contains("Synced 2 archives") && first.err().contains("; 1 failed"), first.err());
            assertTrue(first.err().contains("  failed: " + failing + ": " + proxy.endpoint()
                    + " failed with HTTP 500 (InternalError) after all retries"), first.err());
            assertTrue(first.err().contains("tracelens sync --retry-failed"), first.err());

            proxy.failNext(0, 500, "InternalError", "");
            Run retry = run("--retry-failed", "--no-import");
            assertEquals(0, retry.exit(), retry.err());
            assertTrue(retry.err().startsWith("1 archives in s3://cli-bucket/papertrail/logs for the failed list: 0 new,"
                    + " 0 changed, 1 failed before"), retry.err());
            assertTrue(retry.err().contains("Synced 1 archives"), retry.err());
            assertTrue(retry.out().strip().endsWith("dt=2024-03-01/2024-03-01-01.tsv.gz"), retry.out());
            assertEquals(1, retry.out().lines().count(), retry.out());
        }
    }

    @Test
    void inAppPrefixesApplyToTheSyncsImport() throws Exception {
        S3Client admin = server.adminClient();
        String bucket = "cli-in-app";
        TestArchives.createBucket(admin, bucket);
        StringBuilder tsv = new StringBuilder();
        long id = 900_000_000_500L;
        for (String m : List.of("java.lang.IllegalStateException: boom", "#011at com.acme.shop.Cart.total(Cart.java:12)",
                "#011at org.vendor.Lib.call(Lib.java:3)", "INFO ok")) {
            tsv.append(id++).append("\t2024-03-02T03:18:39\t2024-03-02T03:18:39\t1\ti-1\t10.0.0.1\tUser\tError\tapp\t")
                    .append(m).append('\n');
        }
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(tsv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        TestArchives.put(admin, bucket, "papertrail/logs/dt=2024-03-02/2024-03-02-03.tsv.gz", gz.toByteArray());
        Run sync = run("--bucket", bucket, "--from", "2024-03-02", "--to", "2024-03-02", "--region", "us-east-1",
                "--profile", "tltest", "--endpoint", server.endpoint(), "--in-app", "com.acme");
        assertEquals(0, sync.exit(), sync.err());
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new TracelensCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute("search", "boom", "--json", "--store", tmp.resolve("store").toString());
        assertEquals(0, exit);
        // By the Java rules both frames are own; with --in-app com.acme only Cart.total is, as with import and scan.
        assertTrue(out.toString().contains("frame:com.acme.shop.Cart.total"), out.toString());
        assertFalse(out.toString().contains("frame:org.vendor.Lib.call"), out.toString());
    }

    @Test
    void everySyncedArchiveIsImportedIntoTheStoreOnceInTimeOrder() throws Exception {
        S3Client admin = server.adminClient();
        String bucket = "cli-import";
        TestArchives.createBucket(admin, bucket);
        List<Path> samples;
        try (var files = Files.list(Path.of("sample-logs"))) {
            samples = files.filter(p -> p.getFileName().toString().endsWith(".tsv.gz")).sorted().toList();
        }
        assertEquals(3, samples.size(), samples.toString());
        for (Path p : samples) {
            String name = p.getFileName().toString();
            TestArchives.put(admin, bucket, "papertrail/logs/dt=" + name.substring(0, 10) + "/" + name, Files.readAllBytes(p));
        }
        String day = samples.getFirst().getFileName().toString().substring(0, 10);
        Path store = tmp.resolve("store");
        Run first = run("--bucket", bucket, "--from", day, "--to", day, "--region", "us-east-1",
                "--profile", "tltest", "--endpoint", server.endpoint());
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().startsWith("Imported 3 archive(s), "), first.out());
        long stored;
        try (dev.tracelens.store.TracebackStore s = dev.tracelens.store.TracebackStore.openReadOnly(store)) {
            stored = s.tracebackCount();
        }
        // The same as importing the sample files directly.
        Path direct = tmp.resolve("direct");
        try (dev.tracelens.store.TracebackStore s = dev.tracelens.store.TracebackStore.open(direct)) {
            new dev.tracelens.store.StoreImporter(s, dev.tracelens.traceback.TracebackAssembler.DEFAULT_CONTEXT_ROWS)
                    .importPaths(samples, dev.tracelens.store.ImportListener.NONE); // the files the bucket holds
            assertEquals(s.tracebackCount(), stored);
        }
        assertTrue(stored > 40, "sample-logs hold dozens of tracebacks: " + stored);

        Run again = run("--from", day, "--to", day);
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().startsWith("Imported 0 archive(s), 0 tracebacks written; skipped 3 unchanged."), again.out());
    }

    @Test
    void wrongCredentialsGiveOneLineWithoutTheSecretAndTheSettingsAreKept() throws Exception {
        Run r = run("--bucket", BUCKET, "--from", "2024-03-01", "--to", "2024-03-01", "--region", "us-east-1",
                "--profile", "wrong", "--endpoint", server.endpoint());
        assertEquals(1, r.exit());
        assertEquals("tracelens sync: " + server.endpoint() + " refused the credentials (SignatureDoesNotMatch) for bucket "
                + BUCKET + "; check --profile or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY", r.err().strip());
        assertFalse(r.err().contains(WRONG_SECRET) || r.out().contains(WRONG_SECRET));
        // The settings the user gave are kept (issue 19), the secret never: fixing the profile is enough next time.
        String saved = Files.readString(config.resolve("sync.json"));
        assertTrue(saved.contains("\"bucket\" : \"" + BUCKET + "\"") && saved.contains(server.endpoint()), saved);
        assertFalse(saved.contains(WRONG_SECRET) || saved.contains(S3ProxyServer.IDENTITY), saved);
        Run fixed = run("--from", "2024-03-01", "--to", "2024-03-01", "--profile", "tltest", "--list");
        assertEquals(0, fixed.exit(), fixed.err());
        assertEquals(3, fixed.out().lines().filter(l -> l.startsWith("NEW ")).count(), fixed.out());
    }

    /**
     * Archives that download fine but cannot be read (a binary, a truncated gzip) fail the sync
     * with the reader's reason, and are neither downloaded nor imported again until they change in
     * S3 or --retry-failed asks for them; a plain-text file named .tsv.gz is read as what it is.
     */
    @Test
    void unreadableArchivesFailTheSyncOnceAndAreLeftAloneUntilTheyChange() throws Exception {
        String bucket = "cli-unreadable";
        S3Client admin = server.adminClient();
        TestArchives.createBucket(admin, bucket);
        String dir = "papertrail/logs/dt=2024-04-01/";
        byte[] good = TestArchives.hourly(LocalDate.of(2024, 4, 1).atTime(0, 0), 50, 7);
        byte[] elf = new byte[4096];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        TestArchives.put(admin, bucket, dir + "2024-04-01-00.tsv.gz", good);
        TestArchives.put(admin, bucket, dir + "2024-04-01-01.tsv.gz", elf);
        TestArchives.put(admin, bucket, dir + "2024-04-01-02.tsv.gz", java.util.Arrays.copyOf(good, good.length / 2));
        TestArchives.put(admin, bucket, dir + "2024-04-01-03.tsv.gz", new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(good)).readAllBytes()); // plain text under a .tsv.gz name
        String[] range = {"--from", "2024-04-01", "--to", "2024-04-01"};

        Run first = run("--bucket", bucket, range[0], range[1], range[2], range[3], "--region", "us-east-1",
                "--profile", "tltest", "--endpoint", server.endpoint());
        assertEquals(1, first.exit(), first.err());
        assertTrue(first.err().contains("failed: " + dir + "2024-04-01-01.tsv.gz: could not be read: not a log file"), first.err());
        assertTrue(first.err().contains("failed: " + dir + "2024-04-01-02.tsv.gz: could not be read: gzip data is truncated"), first.err());
        assertFalse(first.err().contains("2024-04-01-03.tsv.gz: could not be read"), first.err());
        assertTrue(first.err().contains("Run `tracelens sync --retry-failed`"), first.err());

        Run second = run(range);
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.err().contains("0 new, 0 changed, 0 failed before, 2 already synced, 2 unreadable before (0.0 MB to download)"),
                second.err());
        assertTrue(second.err().contains("2 archive(s) could not be read by an earlier sync and are unchanged in S3: not read again"),
                second.err());
        assertFalse(second.err().contains("warning: 2024-04-01-01") || second.err().contains("warning: 2024-04-01-02"),
                "not read again: " + second.err());
        assertTrue(second.out().startsWith("Imported 0 archive(s)"), second.out());

        // Fixed in S3: it changed, so it is downloaded and read again.
        TestArchives.put(admin, bucket, dir + "2024-04-01-02.tsv.gz", TestArchives.hourly(LocalDate.of(2024, 4, 1).atTime(2, 0), 50, 8));
        Run third = run(range);
        assertEquals(0, third.exit(), third.err());
        assertTrue(third.err().contains("1 changed") && third.err().contains("1 unreadable before"), third.err());
        assertTrue(third.out().startsWith("Imported 1 archive(s)"), third.out());

        // --retry-failed still tries the one that stays unreadable, and fails on it again.
        Run retry = run("--retry-failed");
        assertEquals(1, retry.exit(), retry.err());
        assertTrue(retry.err().contains("1 archives in s3://" + bucket + "/papertrail/logs for the failed list"), retry.err());
        assertTrue(retry.err().contains("failed: " + dir + "2024-04-01-01.tsv.gz: could not be read: not a log file"), retry.err());
    }

    /** sync.json must never hold a secret: an endpoint with user:password is refused before anything runs. */
    @Test
    void anEndpointWithCredentialsIsRefusedAndNotSaved() {
        Run r = run("--bucket", BUCKET, "--from", "2024-03-01", "--region", "us-east-1",
                "--endpoint", "http://AKIAEXAMPLE:" + WRONG_SECRET + "@127.0.0.1:9");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("The endpoint must not hold credentials"), r.err());
        assertFalse(r.err().contains(WRONG_SECRET) || r.out().contains(WRONG_SECRET));
        assertFalse(Files.exists(config.resolve("sync.json")), "nothing is saved");
    }

    @Test
    void anUnknownProfileIsExplained() {
        Run r = run("--bucket", BUCKET, "--from", "2024-03-01", "--region", "us-east-1",
                "--profile", "nosuchprofile", "--endpoint", server.endpoint());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("tracelens sync: No usable credentials in AWS profile 'nosuchprofile'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void missingBucketOrDateIsAUsageError() {
        Run noBucket = run("--from", "2024-03-01");
        assertEquals(2, noBucket.exit());
        assertTrue(noBucket.err().contains("Missing --bucket"), noBucket.err());
        Run noDate = run("--bucket", BUCKET);
        assertEquals(2, noDate.exit());
        assertTrue(noDate.err().contains("Missing --from DATE"), noDate.err());
    }

    @Test
    void controlCharactersOfKeysNeverReachTheTerminal() {
        assertEquals("a\u241b[31mred\u2407b", dev.tracelens.sync.SyncText.printable("a\u001b[31mred\u0007b"));
        assertEquals("x\\u202ey\u240dz", dev.tracelens.sync.SyncText.printable("x\u202ey\rz"));
        String longKey = "k".repeat(199) + "\u001b" + "tail";
        assertEquals("k".repeat(199) + "\u241b…", dev.tracelens.sync.SyncText.printable(longKey), "cut at 200 characters");
    }
}
