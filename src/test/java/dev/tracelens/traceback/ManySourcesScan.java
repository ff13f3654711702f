package dev.tracelens.traceback;

import dev.tracelens.archive.Problem;
import dev.tracelens.archive.ReadProgress;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A child-JVM main for {@link BoundedMemoryTest}: writes an archive of {@code N} rows from
 * {@code N} distinct hosts (mode {@code sources}: no traces at all; mode {@code open}: each host
 * prints a traceback header and a frame and never finishes it), scans it with the real engine
 * and prints {@code tracebacks=T problems=P kinds=K} on success.
 */
public final class ManySourcesScan {
    private ManySourcesScan() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        Path file = Path.of(args[2]);
        write(file, mode, n);
        long[] tracebacks = {0};
        long[] problems = {0};
        StringBuilder kinds = new StringBuilder();
        new TracebackScanner(TracebackAssembler.DEFAULT_CONTEXT_ROWS).scan(List.of(file), new ScanListener() {
            @Override
            public void onTraceback(Traceback traceback) {
                tracebacks[0]++;
            }

            @Override
            public void onProblem(Problem problem) {
                problems[0]++;
                if (kinds.indexOf(problem.kind().name()) < 0) {
                    kinds.append(problem.kind().name()).append(',');
                }
            }
        }, ReadProgress.NONE);
        System.out.println("tracebacks=" + tracebacks[0] + " problems=" + problems[0] + " kinds=" + kinds
                + " maxHeapMB=" + (Runtime.getRuntime().maxMemory() >> 20));
    }

    private static void write(Path file, String mode, int n) throws IOException {
        long id = 800_000_000_000L;
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            for (int pass = 0; pass < (mode.equals("open") ? 2 : 1); pass++) {
                for (int i = 0; i < n; i++) {
                    String message = !mode.equals("open") ? "20286/MainThread INFO app.views: GET /users/" + i + " 200"
                            : pass == 0 ? "20286/MainThread ERROR app: failed - Traceback (most recent call last):"
                            : "  File \"/srv/app/app/views.py\", line " + i + ", in get_user";
                    w.write(id++ + "\t2016-08-12T03:18:39\t2016-08-12T03:18:39\t1\th-" + i + "\t10.0.0.1\tUser\tInfo\tapp\t"
                            + message + "\n");
                }
            }
        }
    }
}
