package dev.tracelens.traceback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Traces thrown by the real runtimes on this machine (the JDK that runs the build, {@code node} on
 * the PATH), written to stderr as they print them, laid into Papertrail rows with other hosts'
 * rows in between, and scanned by the real engine.
 */
class RealRuntimeTracesTest {
    @TempDir
    Path dir;

    private static final String JAVA_PROGRAM = """
            import java.util.logging.Level;
            import java.util.logging.Logger;

            public class Shop {
                static void charge(int cents) {
                    if (cents < 0) {
                        throw new IllegalArgumentException("negative amount: " + cents);
                    }
                }

                static void pay(int cents) {
                    try {
                        charge(cents);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("payment failed", e);
                    }
                }

                public static void main(String[] args) {
                    Logger log = Logger.getLogger("shop");
                    try {
                        pay(-5);
                    } catch (RuntimeException e) {
                        log.log(Level.SEVERE, "order 17 failed", e);
                    }
                    try (AutoCloseable r = () -> { throw new java.io.IOException("close failed"); }) {
                        throw new RuntimeException("work failed");
                    } catch (Exception e) {
                        log.log(Level.SEVERE, "cleanup went wrong", e);
                    }
                    Runnable job = () -> { throw new UnsupportedOperationException("not yet"); };
                    job.run();
                }
            }
            """;

    private String run(Path workDir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the runtime finished");
        return out;
    }

    @Test
    void jdkChainedAndSuppressedExceptionsLoggedThroughJavaUtilLogging() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Files.writeString(dir.resolve("Shop.java"), JAVA_PROGRAM);
        String stderr = run(dir, java.toString(), "Shop.java");
        assertTrue(stderr.contains("Caused by: java.lang.IllegalArgumentException"), stderr);

        List<Traceback> tbs = new PapertrailArchive().lines("shop-1", "shop", stderr.strip())
                .row("shop-1", "shop", "INFO restarted").scan(dir, TraceOptions.DEFAULT);

        assertEquals(List.of("java.lang.IllegalStateException", "java.lang.RuntimeException",
                "java.lang.UnsupportedOperationException"), tbs.stream().map(Traceback::exceptionType).toList());
        tbs.forEach(t -> assertEquals("java", t.language()));
        Traceback chained = tbs.get(0);
        assertEquals("payment failed", chained.message());
        assertEquals("java.lang.IllegalArgumentException", chained.causes().getFirst().exceptionType());
        assertEquals("cause", chained.causes().getFirst().relation());
        assertEquals("Shop.charge", chained.causes().getFirst().frames().getLast().function());
        assertTrue(chained.context().stream().anyMatch(c -> c.message().equals("SEVERE: order 17 failed")));
        Traceback suppressed = tbs.get(1);
        assertEquals("java.io.IOException", suppressed.causes().getFirst().exceptionType());
        assertEquals("suppressed", suppressed.causes().getFirst().relation());
        Traceback uncaught = tbs.get(2);
        assertEquals("not yet", uncaught.message());
        assertTrue(uncaught.text().startsWith("Exception in thread \"main\" java.lang.UnsupportedOperationException"));
        // lambda numbers never count: the group key names the lambda by its method only
        assertTrue(uncaught.fingerprintParts().contains("frame:Shop.lambda$main"), uncaught.fingerprintParts().toString());
        assertTrue(uncaught.fingerprintParts().stream().filter(p -> p.startsWith("frame:")).noneMatch(p -> p.contains("jdk.") || p.contains("java.")));
        assertFalse(tbs.stream().anyMatch(Traceback::truncated));
        assertNotEquals(tbs.get(0).fingerprint(), tbs.get(1).fingerprint());
    }

    @Test
    void nodeErrorsWithCauseAggregateErrorAndAnUncaughtError() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/node")) || which("node"), "node is not installed");
        Files.writeString(dir.resolve("app.js"), """
                function inner() { throw new TypeError('bad input', { cause: new Error('disk full') }); }
                class Repo { load() { inner(); } }
                try { new Repo().load(); } catch (e) { console.error(e); }
                console.error(new AggregateError([new Error('a'), new RangeError('b')], 'All failed'));
                setTimeout(() => { null.x; }, 1);
                """);
        String stderr = run(dir, "node", "app.js");
        assertTrue(stderr.contains("[cause]: Error: disk full"), stderr);

        List<Traceback> tbs = new PapertrailArchive().row("web-1", "node", "INFO listening on 8080")
                .lines("web-1", "node", stderr.strip()).row("web-1", "node", "INFO restarted").scan(dir, TraceOptions.DEFAULT);

        assertEquals(List.of("TypeError", "AggregateError", "TypeError"), tbs.stream().map(Traceback::exceptionType).toList());
        tbs.forEach(t -> assertEquals("node", t.language()));
        assertEquals("bad input", tbs.get(0).message());
        assertEquals(List.of("Error"), tbs.get(0).causes().stream().map(ChainedException::exceptionType).toList());
        assertEquals("disk full", tbs.get(0).causes().getFirst().message());
        assertEquals(List.of("Error", "RangeError"), tbs.get(1).causes().stream().map(ChainedException::exceptionType).toList());
        Traceback uncaught = tbs.get(2);
        assertEquals("Cannot read properties of null (reading 'x')", uncaught.message());
        assertTrue(uncaught.text().contains("setTimeout(() => { null.x; }, 1);"), uncaught.text());
        assertTrue(uncaught.text().endsWith("Node.js " + run(dir, "node", "--version").strip()), uncaught.text());
        assertEquals(LineKind.OWN_FRAME, uncaught.lines().stream().filter(l -> l.text().contains("_onTimeout")).findFirst().orElseThrow().kind());
        assertEquals(LineKind.LIBRARY_FRAME, uncaught.lines().stream().filter(l -> l.text().contains("node:internal/timers")).findFirst().orElseThrow().kind());
        assertTrue(uncaught.fingerprintParts().stream().noneMatch(p -> p.contains("node:")), uncaught.fingerprintParts().toString());
    }

    /** Whether {@code program} is on the PATH. */
    static boolean hasProgram(String program) {
        return which(program);
    }

    private static boolean which(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
