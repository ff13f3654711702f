package dev.tracelens.store.opensearch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSearch 3.3.2 node for tests, in a JVM of its own on loopback.
 *
 * <p>Its jars are not on the test class path (its Lucene 10.3 would meet the store's): Maven
 * copies them to {@code target/opensearch-node/}, and the node runs with the test JVM's own
 * {@code java} (JDK 25) through the source launcher on {@code src/test/opensearch-node/OpenSearchNodeMain.java}
 * (a {@code Node} with the Netty and analysis-common modules, single-node discovery, free ports),
 * with a 512 MB heap. Ready when it prints its start line. {@link #close()} stops it; the node
 * also exits when its standard input closes, i.e. when the test JVM is gone however it ended.
 */
public final class OpenSearchNode implements AutoCloseable {
    private final Process process;
    private final int httpPort;
    private final Path home;
    private final Thread hook;

    private OpenSearchNode(Process process, int httpPort, Path home) {
        this.process = process;
        this.httpPort = httpPort;
        this.home = home;
        this.hook = new Thread(process::destroyForcibly, "opensearch-stopper");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts a node with its data under {@code home} and waits (at most 3 minutes) until it serves HTTP. */
    public static OpenSearchNode start(Path home) {
        Path jars = Path.of(System.getProperty("tracelens.opensearch.node", "target/opensearch-node"));
        Path launcher = Path.of(System.getProperty("tracelens.opensearch.launcher",
                "src/test/opensearch-node/OpenSearchNodeMain.java"));
        if (!Files.isDirectory(jars) || !Files.isRegularFile(launcher)) {
            throw new IllegalStateException("OpenSearch node jars missing at " + jars + " (run through mvn, which copies them)");
        }
        try {
            Files.createDirectories(home);
            int http = freePort();
            int transport = freePort();
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Path log = home.resolve("node.log");
            Process p = new ProcessBuilder(List.of(java.toString(), "-Xms512m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                    "-Dlog4j2.disable.jmx=true", "-Dopensearch.set.netty.runtime.available.processors=false",
                    "-cp", jars.toAbsolutePath() + "/*", launcher.toAbsolutePath().toString(),
                    home.toAbsolutePath().toString(), Integer.toString(http), Integer.toString(transport)))
                    .redirectErrorStream(true)
                    .start();
            OpenSearchNode node = new OpenSearchNode(p, http, home);
            node.awaitStarted(log);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The URL of an index on this node, as {@code --store} takes it. */
    public String indexUrl(String index) {
        return url() + "/" + index;
    }

    private void awaitStarted(Path log) throws IOException {
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var out = Files.newBufferedWriter(log)) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    if (line.equals("tracelens-opensearch-started")) {
                        started.complete(true);
                    }
                }
            } catch (IOException ignored) {
                // the node stopped
            }
            started.complete(false);
        }, "opensearch-log");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!started.get(3, TimeUnit.MINUTES)) {
                close();
                throw new IllegalStateException("the OpenSearch node exited; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while starting the OpenSearch node");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            close();
            throw new IllegalStateException("the OpenSearch node did not start within 3 minutes; see " + log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
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
        dev.tracelens.sync.S3ProxyServer.deleteTree(home);
    }
}
