package dev.tracelens.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged {@code target/tracelens.jar} runs as {@code java -jar} with its {@code lib/} beside
 * it (or the app image's launcher: {@link PackagedTracelens}).
 */
class JarIT {
    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = PackagedTracelens.command(args);
        Path out = Files.createTempFile("tracelens-out", ".txt");
        Path err = Files.createTempFile("tracelens-err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tracelens did not finish");
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    private record Result(int code, String out, String err) {
    }

    @Test
    void stopsReadingWhenItsOutputIsClosed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // 20,000 tracebacks: far more JSON than a pipe holds, so the scan must wait for its reader.
        Path archive = dir.resolve("2016-08-12-03.tsv");
        try (var w = Files.newBufferedWriter(archive)) {
            long id = 1;
            for (int i = 0; i < 20_000; i++) {
                for (String line : new String[] {"Traceback (most recent call last):",
                        "  File \"/srv/app/app/views.py\", line 42, in get_user", "    return users[user_id]",
                        "KeyError: 'user_id'"}) {
                    w.write((id++) + "\t2016-08-12T03:18:39\t2016-08-12T03:18:39\t1\ti-1\t10.0.0.1\tUser\tNotice\tapp\t"
                            + line + "\n");
                }
            }
        }
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(PackagedTracelens.command("scan", "--format", "jsonl", archive.toString()))
                .redirectError(err.toFile()).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertTrue(out.readLine().startsWith("{\"id\":\""));
        } // closed: as `| head -1` does
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "scan kept going after its output was closed");
        assertEquals(0, p.exitValue());
        assertFalse(Files.readString(err).contains("tracebacks in"), "it stopped before the end: " + Files.readString(err));
    }

    @Test
    void printsItsVersion() throws Exception {
        Result r = run("--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Tracelens "), r.out());
    }

    @Test
    void scansTheSampleLogsAsJsonLines() throws Exception {
        Result r = run("scan", "--format", "jsonl", "sample-logs");
        assertEquals(0, r.code(), r.err());
        long lines = r.out().lines().filter(l -> l.startsWith("{\"id\":\"")).count();
        assertTrue(lines > 40, "tracebacks: " + lines);
        assertTrue(r.err().contains("tracebacks in"), r.err());
    }
}
