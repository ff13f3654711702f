package dev.tracelens.sync;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad credentials, unknown bucket, no network: one clear sentence each, never a secret. */
@ExtendWith(S3ProxyExtension.class)
class SyncErrorsTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);
    private static final String WRONG_SECRET = "WRONG-SECRET-do-not-leak-8f3kQz";

    static S3ProxyServer server;

    @TempDir
    Path cache;

    @BeforeAll
    static void start(S3ProxyServer s) {
        server = s;
        TestArchives.createBucket(s.adminClient(), "errors-bucket");
    }

    private SyncException failure(SyncSettings settings, StaticCredentialsProvider credentials) {
        SyncOptions options = SyncOptions.defaults().withMaxAttempts(2).withRetryBaseDelay(Duration.ofMillis(5));
        S3ArchiveSync sync = new S3ArchiveSync(S3ClientFactory.create(settings, options, credentials), settings, cache, options);
        return assertThrows(SyncException.class, () -> sync.plan(DAY, DAY));
    }

    private static String everything(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    @Test
    void wrongSecretKeyIsReportedWithoutTheSecret() {
        SyncException e = failure(server.settings("errors-bucket"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.IDENTITY, WRONG_SECRET)));
        assertEquals(server.endpoint() + " refused the credentials (SignatureDoesNotMatch) for bucket errors-bucket;"
                + " check --profile or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY", e.getMessage());
        assertFalse(everything(e).contains(WRONG_SECRET), "secret leaked into the exception chain");
    }

    @Test
    void unknownAccessKeyIsReported() {
        SyncException e = failure(server.settings("errors-bucket"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("NO-SUCH-KEY-ID", WRONG_SECRET)));
        assertTrue(e.getMessage().contains("refused the credentials (InvalidAccessKeyId)"), e.getMessage());
        assertFalse(everything(e).contains(WRONG_SECRET));
    }

    @Test
    void unknownBucketIsReported() {
        SyncException e = failure(server.settings("no-such-bucket"), S3ProxyServer.credentials());
        assertEquals("Bucket no-such-bucket does not exist at " + server.endpoint() + " (NoSuchBucket); check --bucket",
                e.getMessage());
        assertFalse(everything(e).contains(S3ProxyServer.SECRET));
    }

    @Test
    void noServerIsReportedAsAConnectionProblem() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closedPort;
        SyncException e = failure(new SyncSettings("errors-bucket", null, "us-east-1", null, endpoint),
                S3ProxyServer.credentials());
        assertEquals("Cannot connect to " + endpoint + " (ConnectException); check the network or --endpoint", e.getMessage());
    }

    @Test
    void unknownHostIsReported() {
        String endpoint = "http://no-such-host.invalid:9";
        SyncException e = failure(new SyncSettings("errors-bucket", null, "us-east-1", null, endpoint),
                S3ProxyServer.credentials());
        assertTrue(e.getMessage().startsWith("Cannot resolve the host of " + endpoint), e.getMessage());
    }
}
