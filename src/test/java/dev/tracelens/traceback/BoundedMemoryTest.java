package dev.tracelens.traceback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-source state is bounded by design, not by luck (issue 19): the real scanner in a child JVM
 * under {@code -Xmx256m} reads a million distinct sources, and 300,000 tracebacks open at once.
 */
class BoundedMemoryTest {
    @TempDir
    Path dir;

    private String child(String mode, int n) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), ManySourcesScan.class.getName(), mode, Integer.toString(n),
                dir.resolve(mode + ".tsv.gz").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the child finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void aMillionDistinctSourcesFitIn256Megabytes() throws Exception {
        String out = child("sources", 1_000_000);
        assertTrue(out.contains("tracebacks=0 problems=0"), out);
    }

    @Test
    void threeHundredThousandOpenTracebacksAreCappedWithAProblemAndAllEmitted() throws Exception {
        String out = child("open", 300_000);
        assertTrue(out.contains("tracebacks=300000 "), out);
        assertTrue(out.contains("kinds=TOO_MANY_OPEN_TRACES,"), out);
    }
}
