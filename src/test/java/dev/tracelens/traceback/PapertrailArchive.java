package dev.tracelens.traceback;

import dev.tracelens.archive.ReadProgress;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes rows as a real Papertrail archive ({@code .tsv.gz}, ten columns), with tabs in messages
 * escaped as rsyslog does ({@code #011}), and scans it with the real engine. Every row of the
 * source under test is followed by a row of another host, as in a busy archive.
 */
final class PapertrailArchive {
    private final List<String[]> rows = new ArrayList<>();

    /** One row per line of {@code text} for host + program, each followed by another host's row. */
    PapertrailArchive lines(String host, String program, String text) {
        int i = 0;
        for (String line : text.split("\n", -1)) {
            rows.add(new String[] {host, program, line});
            rows.add(new String[] {"other-" + (i++ % 3), "nginx", "10.0.0." + i + " GET /health 200 at 0.002s"});
        }
        return this;
    }

    PapertrailArchive row(String host, String program, String message) {
        rows.add(new String[] {host, program, message});
        return this;
    }

    Path write(Path dir) throws IOException {
        Path file = dir.resolve("2026-12-03-07.tsv.gz");
        long id = 900_000_000_000L;
        Instant t = Instant.parse("2026-12-03T07:00:00Z");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
             Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (String[] r : rows) {
                String ts = t.toString().replace("Z", "");
                t = t.plusMillis(100);
                w.write(id++ + "\t" + ts + "\t" + ts + "\t1\t" + r[0] + "\t10.0.0.9\tUser\tError\t" + r[1] + "\t"
                        + r[2].replace("\t", "#011").replace("\r", "") + "\n");
            }
        }
        return file;
    }

    List<Traceback> scan(Path dir, TraceOptions options) throws IOException {
        List<Traceback> out = new ArrayList<>();
        new TracebackScanner(TracebackAssembler.DEFAULT_CONTEXT_ROWS, options)
                .scan(List.of(write(dir)), out::add, ReadProgress.NONE);
        return out;
    }
}
