package dev.tracelens.fuzz;

import dev.tracelens.archive.ReaderOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fuzz target's CI mode: a fixed seed and a fixed number of inputs (so a failure is the same on
 * every machine), in a child JVM with a 256 MiB heap as the long mode runs (docs/FUZZING.md). A
 * failure saves its input under {@code target/fuzz-failures/} and names it in the message.
 */
class ArchiveFuzzTest {
    /** About 20 s here with the machine shared by six builds; the long mode runs millions (docs/FUZZING.md). */
    static final int CI_INPUTS = 6_000;

    @Test
    void aFixedSeedRunsWithoutAFailureInABoundedHeap(@TempDir Path work) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path failures = Path.of("target", "fuzz-failures").toAbsolutePath();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                FuzzMain.class.getName(), "--inputs", Integer.toString(CI_INPUTS), "--seed", "19", "--work", work.toString(),
                "--failures", failures.toString(), "--corpus", corpus().toString(), "--progress-ms", "0")
                .redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = Thread.ofPlatform().start(() -> {
            try {
                child.getInputStream().transferTo(out);
            } catch (IOException ignored) {
                // the child ended
            }
        });
        if (!child.waitFor(10, TimeUnit.MINUTES)) {
            child.destroyForcibly();
        }
        pump.join();
        String log = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), log);
        assertTrue(log.contains(String.format("%,d inputs in", CI_INPUTS)) && log.contains(" 0 failure(s)"), log);
    }

    /** The check is not vacuous: a file that lost a row on the way to the reader is caught. */
    @Test
    void theCheckCatchesALostRow(@TempDir Path work) throws IOException {
        byte[] two = (new String(ArchiveMutator.row(1, "2026-11-20T03:00:00", "h", "p", "one"), StandardCharsets.UTF_8) + "\n"
                + new String(ArchiveMutator.row(2, "2026-11-20T03:00:01", "h", "p", "two"), StandardCharsets.UTF_8) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] one = java.util.Arrays.copyOf(two, two.length / 2 + 1); // the reader sees half of it
        FuzzInput input = new FuzzInput(0, 0, ReaderOptions.defaults().withInputFormat(dev.tracelens.archive.InputFormat.PAPERTRAIL),
                5, List.of(new FuzzInput.FuzzFile("a.tsv", FuzzInput.Kind.FILE, one, two, "test")));
        List<Path> paths = new InputFiles(work).write(input);
        AssertionError e = assertThrows(AssertionError.class, () -> InputCheck.check(input, paths, false, false));
        assertTrue(e.getMessage().contains("row 2") || e.getMessage().contains("line 2"), e.getMessage());
    }

    /** An input that runs over its time budget ends the run as a hang, with the input saved. */
    @Test
    void aHangIsReportedWithItsInputSaved(@TempDir Path dir) throws IOException {
        FuzzRun run = new FuzzRun(FuzzSeeds.load(Path.of("sample-logs"), corpus()), dir.resolve("work"), dir.resolve("failures"),
                0, 1, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), 0);
        FuzzRun.Result result = run.run(19, 0, 1_000);
        assertTrue(result.hung(), result.summary());
        assertEquals(1, result.saved().size());
        assertTrue(Files.exists(result.saved().getFirst().resolve("input.properties")));
        assertTrue(Files.readString(result.saved().getFirst().resolve("README.txt")).contains("hang"), "README says why");
    }

    private static Path corpus() {
        return Path.of(System.getProperty("tracelens.corpus", "../shared/corpus"));
    }
}
