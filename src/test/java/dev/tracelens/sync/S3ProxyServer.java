package dev.tracelens.sync;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for tests: s3proxy 4.1.0 run as a separate JVM on loopback.
 *
 * <p>s3proxy is not on the test classpath (it bundles ~110 jars and slf4j 2); Maven copies its
 * jar-with-dependencies to {@code target/s3proxy/s3proxy.jar} and this class runs it with the
 * test JVM's own {@code java} (JDK 25; s3proxy needs 17+). It is ready when its port accepts
 * connections. {@link #close()} stops it; a shutdown hook does so too if a test run is aborted.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String IDENTITY = "tracelens-test-identity";
    /** Recognizable, so tests can assert it never shows up in messages. */
    public static final String SECRET = "TRACELENS-TEST-SECRET-q7Zr93xW";

    private final Process process;
    private final int port;
    private final Path dir;
    private final Thread hook;

    private S3ProxyServer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
        this.hook = new Thread(process::destroyForcibly, "s3proxy-stopper");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts s3proxy with the given jclouds backend ({@code transient} keeps blobs in memory,
     * {@code filesystem} under {@code dir}) and waits until it listens.
     */
    public static S3ProxyServer start(String backend, Path dir, String maxHeap) {
        Path jar = Path.of(System.getProperty("tracelens.s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("s3proxy jar missing at " + jar + " (run through mvn, which copies it)");
        }
        try {
            Files.createDirectories(dir);
            int port = freePort();
            Path data = Files.createDirectories(dir.resolve("data"));
            Path props = dir.resolve("s3proxy.properties");
            Files.writeString(props, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + SECRET,
                    "jclouds.provider=" + backend,
                    "jclouds.filesystem.basedir=" + data,
                    ""));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-Xmx" + maxHeap, "-XX:+UseSerialGC",
                    "-jar", jar.toString(), "--properties", props.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("s3proxy.log").toFile());
            pb.environment().put("LOG_LEVEL", "warn");
            pb.environment().put("JETTY_LOG_LEVEL", "warn");
            S3ProxyServer server = new S3ProxyServer(pb.start(), port, dir);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** An SDK client with the server's credentials, for setting up buckets and objects. */
    public S3Client adminClient() {
        return S3ClientFactory.create(settings("unused"), SyncOptions.defaults(), credentials());
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, SECRET));
    }

    /** Settings pointing at this server. */
    public SyncSettings settings(String bucket) {
        return new SyncSettings(bucket, null, "us-east-1", null, endpoint());
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy exited with " + process.exitValue() + "; see " + dir.resolve("s3proxy.log"));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    close();
                    throw new IllegalStateException("interrupted while starting s3proxy");
                }
            }
        }
        close();
        throw new IllegalStateException("s3proxy did not listen within 60 s; see " + dir.resolve("s3proxy.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        deleteTree(dir);
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // temp files; the OS cleans /tmp eventually
        }
    }
}
