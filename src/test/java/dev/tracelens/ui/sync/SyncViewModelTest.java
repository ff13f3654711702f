package dev.tracelens.ui.sync;

import dev.tracelens.sync.FaultProxy;
import dev.tracelens.sync.S3ClientFactory;
import dev.tracelens.sync.S3ProxyExtension;
import dev.tracelens.sync.S3ProxyServer;
import dev.tracelens.sync.SyncOptions;
import dev.tracelens.sync.SyncSettings;
import dev.tracelens.sync.SyncSettingsFile;
import dev.tracelens.sync.TestArchives;
import dev.tracelens.store.ImportListener;
import dev.tracelens.engine.StoreLibrary;
import dev.tracelens.ui.imports.ImportQueue;
import dev.tracelens.ui.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Sync dialog's view model against a real s3proxy, importing into a real store, run synchronously. */
@ExtendWith(S3ProxyExtension.class)
class SyncViewModelTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final List<String> HOURS = List.of("03", "04", "05");
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static final SyncOptions OPTIONS = SyncOptions.defaults().withRetryBaseDelay(Duration.ofMillis(5))
            .withMaxAttempts(2);

    static S3ProxyServer server;

    @TempDir
    Path tmp;
    StoreLibrary library;
    ImportQueue imports;
    SyncSettingsFile settingsFile;
    String bucket;

    @BeforeAll
    static void start(S3ProxyServer s) {
        server = s;
    }

    /** A bucket holding the bundled sample logs as Papertrail writes them. */
    @BeforeEach
    void fill() throws IOException {
        bucket = "app-sync-" + BUCKETS.incrementAndGet() + "-" + ProcessHandle.current().pid();
        S3Client admin = server.adminClient();
        TestArchives.createBucket(admin, bucket);
        for (String h : HOURS) {
            TestArchives.put(admin, bucket, key(h), Files.readAllBytes(Path.of("sample-logs", DAY + "-" + h + ".tsv.gz")));
        }
        library = StoreLibrary.open(tmp.resolve("store"));
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        imports = new ImportQueue(library, executor, () -> 50, () -> { });
        settingsFile = new SyncSettingsFile(tmp.resolve("config"));
    }

    @AfterEach
    void close() {
        library.close();
    }

    private static String key(String hour) {
        return "papertrail/logs/dt=" + DAY + "/" + DAY + "-" + hour + ".tsv.gz";
    }

    private SyncViewModel model(AwsCredentialsProvider credentials) {
        Function<SyncSettings, S3Client> clients = s -> S3ClientFactory.create(s, OPTIONS, credentials);
        return new SyncViewModel(new CurrentThreadTaskExecutor(), settingsFile, tmp.resolve("cache"), clients, OPTIONS,
                imports::enqueue, Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    }

    private SyncViewModel pointedAt(String endpoint) {
        SyncViewModel m = model(S3ProxyServer.credentials());
        m.bucketProperty().set(bucket);
        m.regionProperty().set("us-east-1");
        m.endpointProperty().set(endpoint);
        m.fromProperty().set(DAY);
        m.toProperty().set(DAY);
        return m;
    }

    private List<ArchiveRow.Status> statuses(SyncViewModel m) {
        return m.archives().stream().map(ArchiveRow::status).toList();
    }

    @Test
    void listsSyncsAndImportsTheRangeLikeADirectImport() throws Exception {
        SyncViewModel m = pointedAt(server.endpoint());
        assertEquals(LocalDate.of(2026, 11, 22), model(S3ProxyServer.credentials()).fromProperty().get(),
                "the range starts yesterday by default");

        m.list();
        assertEquals(SyncViewModel.State.LISTED, m.stateProperty().get(), m.messageProperty().get());
        assertEquals(HOURS.stream().map(SyncViewModelTest::key).toList(),
                m.archives().stream().map(ArchiveRow::key).toList());
        assertEquals(List.of(ArchiveRow.Status.NEW, ArchiveRow.Status.NEW, ArchiveRow.Status.NEW), statuses(m));
        assertTrue(m.messageProperty().get().startsWith("3 archives in s3://" + bucket + "/papertrail/logs: 3 new"),
                m.messageProperty().get());
        String saved = Files.readString(settingsFile.file());
        assertTrue(saved.contains(bucket) && saved.contains(server.endpoint()), saved);
        assertFalse(saved.contains(S3ProxyServer.SECRET) || saved.contains(S3ProxyServer.IDENTITY),
                "no credential is saved: " + saved);

        m.sync();
        assertEquals(SyncViewModel.State.DONE, m.stateProperty().get(), m.messageProperty().get());
        assertEquals(List.of(ArchiveRow.Status.SYNCED, ArchiveRow.Status.SYNCED, ArchiveRow.Status.SYNCED), statuses(m));
        assertEquals(3, m.lastReportProperty().get().downloaded().size());
        assertEquals(1.0, m.progressProperty().get());
        assertTrue(m.progressTextProperty().get().startsWith("3 of 3 archives"), m.progressTextProperty().get());
        assertTrue(m.messageProperty().get().startsWith("Downloaded 3 archives"), m.messageProperty().get());

        // The store holds what a direct import of the same files holds (batches joined by their warm-up file).
        long direct;
        try (StoreLibrary reference = StoreLibrary.open(tmp.resolve("reference"))) {
            // the Papertrail archives of sample-logs: the bucket holds those, not the JSON-lines and text samples
            reference.importArchives(HOURS.stream().map(h -> Path.of("sample-logs", DAY + "-" + h + ".tsv.gz")).toList(), 50,
                    ImportListener.NONE);
            direct = reference.facets().tracebacks();
        }
        assertTrue(direct > 0);
        assertEquals(direct, library.facets().tracebacks());
        assertTrue(imports.jobs().stream().allMatch(j -> j.stateProperty().get()
                == dev.tracelens.ui.imports.ImportJob.State.DONE));

        // Listed again: everything synced. A new dialog starts from the saved settings.
        m.list();
        assertEquals(List.of(ArchiveRow.Status.SYNCED, ArchiveRow.Status.SYNCED, ArchiveRow.Status.SYNCED), statuses(m));
        SyncViewModel again = model(S3ProxyServer.credentials());
        assertEquals(bucket, again.bucketProperty().get());
        assertEquals(server.endpoint(), again.endpointProperty().get());
        assertEquals("us-east-1", again.regionProperty().get());
        assertEquals("papertrail/logs", again.prefixProperty().get());
    }

    @Test
    void aFailedArchiveIsMarkedAndRetryFailedFetchesOnlyIt() throws Exception {
        try (FaultProxy proxy = new FaultProxy(server.port())) {
            SyncViewModel m = pointedAt(proxy.endpoint());
            proxy.failNext(100, 500, "InternalError", DAY + "-04");
            m.sync();
            assertEquals(SyncViewModel.State.DONE, m.stateProperty().get(), m.messageProperty().get());
            assertEquals(List.of(ArchiveRow.Status.SYNCED, ArchiveRow.Status.FAILED, ArchiveRow.Status.SYNCED),
                    statuses(m));
            ArchiveRow failed = m.archives().get(1);
            assertTrue(failed.reason().contains("HTTP 500"), failed.reason());
            assertTrue(m.messageProperty().get().contains("1 failed (Retry failed"), m.messageProperty().get());
            long before = library.facets().tracebacks();
            assertTrue(before > 0, "the other archives were imported");

            proxy.failNext(0, 500, "InternalError", "");
            m.retryFailed();
            assertEquals(SyncViewModel.State.DONE, m.stateProperty().get(), m.messageProperty().get());
            assertEquals(List.of(key("04")), m.archives().stream().map(ArchiveRow::key).toList());
            assertEquals(List.of(ArchiveRow.Status.SYNCED), statuses(m));
            assertTrue(library.facets().tracebacks() > before, "the retried archive is imported too");
        }
    }

    /** An archive that downloads whole but is no log: failed with the reader's reason, then left alone. */
    @Test
    void anArchiveTheImportCannotReadFailsAndIsNotReadAgainUntilItChanges() {
        byte[] elf = new byte[4096];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        TestArchives.put(server.adminClient(), bucket, key("06"), elf);
        SyncViewModel m = pointedAt(server.endpoint());
        m.sync();
        ArchiveRow row = m.archives().stream().filter(r -> r.key().equals(key("06"))).findFirst().orElseThrow();
        assertEquals(ArchiveRow.Status.FAILED, row.status(), row.toString());
        assertTrue(row.reason().startsWith("could not be read: not a log file"), row.reason());

        SyncViewModel again = pointedAt(server.endpoint());
        again.sync();
        ArchiveRow later = again.archives().stream().filter(r -> r.key().equals(key("06"))).findFirst().orElseThrow();
        assertEquals(ArchiveRow.Status.UNREADABLE, later.status(), later.toString());
        assertTrue(again.messageProperty().get().contains("1 could not be read before and are unchanged: not read again."),
                again.messageProperty().get());
        assertTrue(imports.jobs().getLast().paths().stream().noneMatch(p -> p.getFileName().toString().equals(DAY + "-06.tsv.gz")),
                "not handed to the import again: " + imports.jobs().getLast().paths());
    }

    @Test
    void cancelStopsTheSyncAndSaysSo() {
        SyncViewModel[] holder = new SyncViewModel[1];
        Function<SyncSettings, S3Client> clients = s -> S3ClientFactory.create(s, OPTIONS, S3ProxyServer.credentials());
        SyncViewModel m = new SyncViewModel(new CurrentThreadTaskExecutor(), settingsFile, tmp.resolve("cache"), clients,
                OPTIONS.withParallelism(1), (files, reading) -> {
                    var job = imports.enqueue(files, reading);
                    holder[0].cancel(); // the user cancels once the first archives arrived
                    return job;
                }, Clock.systemUTC());
        holder[0] = m;
        m.bucketProperty().set(bucket);
        m.regionProperty().set("us-east-1");
        m.endpointProperty().set(server.endpoint());
        m.fromProperty().set(DAY);
        m.toProperty().set(DAY);
        m.sync();
        assertEquals(SyncViewModel.State.CANCELLED, m.stateProperty().get(), m.messageProperty().get());
        assertTrue(m.lastReportProperty().get().cancelled());
        assertTrue(m.messageProperty().get().startsWith("Cancelled after downloading"), m.messageProperty().get());
        assertFalse(m.busyProperty().get());
        assertEquals(1, imports.jobs().size(), "no batch is handed over after the cancel");
    }

    @Test
    void badInputAndBadCredentialsAreSaidInOneSentenceAndOnlyParsedSettingsAreSaved() throws Exception {
        SyncViewModel m = pointedAt(server.endpoint());
        m.bucketProperty().set(" ");
        m.list();
        assertEquals(SyncViewModel.State.FAILED, m.stateProperty().get());
        assertEquals("Give the bucket Papertrail archives to", m.messageProperty().get());

        m.bucketProperty().set(bucket);
        m.endpointProperty().set("http://AKIAEXAMPLE:hunter2@127.0.0.1:" + server.port());
        m.list();
        assertEquals(SyncViewModel.State.FAILED, m.stateProperty().get());
        assertTrue(m.messageProperty().get().startsWith("The endpoint must not hold credentials"),
                m.messageProperty().get());
        assertFalse(m.messageProperty().get().contains("hunter2"));

        m.endpointProperty().set(server.endpoint());
        m.fromProperty().set(DAY.plusDays(1));
        m.list();
        assertTrue(m.messageProperty().get().startsWith("The last day 2026-11-20 is before the first day"),
                m.messageProperty().get());

        assertFalse(Files.exists(settingsFile.file()), "settings that did not parse are not remembered");

        String wrong = "APP-WRONG-SECRET-mustnotappear-31";
        SyncViewModel denied = model(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3ProxyServer.IDENTITY, wrong)));
        denied.bucketProperty().set(bucket);
        denied.regionProperty().set("us-east-1");
        denied.endpointProperty().set(server.endpoint());
        denied.fromProperty().set(DAY);
        denied.toProperty().set(DAY);
        denied.list();
        assertEquals(SyncViewModel.State.FAILED, denied.stateProperty().get());
        String msg = denied.messageProperty().get();
        assertFalse(msg.isBlank() || msg.contains(wrong) || msg.contains("\n") || msg.contains("Exception"), msg);
        assertTrue(denied.archives().isEmpty());
        // Settings that parse are kept although S3 refused the credentials (issue 19); a secret never is.
        String saved = Files.readString(settingsFile.file());
        assertTrue(saved.contains(bucket) && saved.contains(server.endpoint()), saved);
        assertFalse(saved.contains(wrong) || saved.contains(S3ProxyServer.IDENTITY), saved);
    }
}
