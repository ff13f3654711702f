import org.opensearch.Version;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one OpenSearch node for Tracelens's tests, in a JVM of its own (its class path is
 * target/opensearch-node/, never the test class path). Started by the tests with the JDK's
 * source launcher: {@code java -cp 'target/opensearch-node/*' OpenSearchNodeMain.java HOME HTTP_PORT TRANSPORT_PORT}.
 * Single node on loopback, with the two modules Tracelens needs: Netty (HTTP) and analysis-common
 * (the letter tokenizer and pattern_replace char filter of traceback_filtered). Prints
 * "tracelens-opensearch-started" when it serves; stops when its standard input closes (the test
 * JVM went away) or on SIGTERM.
 */
public final class OpenSearchNodeMain {

    /** A node started with class-path plugins (what OpenSearch's own MockNode does). */
    static final class TestNode extends Node {
        TestNode(Environment env, List<PluginInfo> plugins) {
            super(env, plugins, true);
        }
    }

    static PluginInfo plugin(String name, String className) {
        return new PluginInfo(name, name, Version.CURRENT.toString(), Version.CURRENT, "21", className, null,
                List.of(), false);
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", "tracelens-test")
                .put("node.name", "tracelens-test-node")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", args[1])
                .put("transport.port", args[2])
                // A shared test machine's disk may be fuller than the default watermarks allow.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.auto_create_index", false)
                .build();
        Environment env = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "tracelens-test-node");
        Node node = new TestNode(env, List.of(
                plugin("transport-netty4", "org.opensearch.transport.Netty4ModulePlugin"),
                plugin("analysis-common", "org.opensearch.analysis.common.CommonAnalysisModulePlugin")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
            stopped.countDown();
        }));
        node.start();
        System.out.println("tracelens-opensearch-started");
        System.out.flush();
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent never writes; end of input means it is gone
                }
            } catch (Exception ignored) {
                // same
            }
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        stopped.await();
    }
}
