package dev.tracelens.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Hand-built Papertrail archives: hourly {@code .tsv.gz} files where three hosts log ordinary
 * rows and Python tracebacks (one row per line, interleaved with the other hosts' rows), and
 * each hour ends with a traceback that goes on in the next hour's file.
 */
public final class ArchiveFixtures {
    private static final String SILENT = "i-5113n7";
    private static final String[] HOSTS = {"i-2ee330b7", "i-0a1b2c3d", "i-99ff00aa"};
    private static final String[] TYPES = {"KeyError: 'user_id'", "ValueError: invalid literal for int()",
            "TypeError: unsupported operand"};

    private ArchiveFixtures() {
    }

    /** Writes {@code hours} archives of about {@code tracebacksPerHour} tracebacks; returns them in order. */
    public static List<Path> write(Path dir, int hours, int tracebacksPerHour) throws IOException {
        return write(dir, hours, tracebacksPerHour, false);
    }

    /**
     * The same; with {@code silentHost} (and at least 4 hours) one more host starts a traceback
     * at the end of hour 1, says nothing in hour 2, and ends it in hour 3.
     */
    public static List<Path> write(Path dir, int hours, int tracebacksPerHour, boolean silentHost) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        long id = 700_000_000_000L;
        Instant start = Instant.parse("2016-08-12T00:00:00Z");
        List<String> carry = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            Instant hour = start.plusSeconds(3600L * h);
            Path file = dir.resolve(hour.toString().substring(0, 13).replace('T', '-') + ".tsv.gz");
            List<String[]> rows = new ArrayList<>();
            // The end of the traceback the previous hour started.
            for (String line : carry) {
                rows.add(new String[] {HOSTS[0], line});
            }
            carry = new ArrayList<>();
            for (int t = 0; t < tracebacksPerHour; t++) {
                String host = HOSTS[t % HOSTS.length];
                String other = HOSTS[(t + 1) % HOSTS.length];
                rows.add(new String[] {host, "20286/MainThread INFO app.views: handling request " + t});
                List<String> tb = traceback(t % 7, TYPES[t % TYPES.length]);
                for (int i = 0; i < tb.size(); i++) {
                    rows.add(new String[] {host, tb.get(i)});
                    if (i == 1) {
                        rows.add(new String[] {other, "31337/MainThread INFO app.jobs: tick " + t});
                    }
                }
            }
            List<String> silent = traceback(42, "OSError: the host was silent for an hour");
            if (silentHost && h == 1) {
                rows.add(new String[] {SILENT, "4242/MainThread INFO app.jobs: nightly job starts"});
                rows.add(new String[] {SILENT, "4242/MainThread INFO app.jobs: step 1"});
                rows.addAll(silent.subList(0, 2).stream().map(l -> new String[] {SILENT, l}).toList());
            } else if (silentHost && h == 3) {
                rows.addAll(0, silent.subList(2, silent.size()).stream().map(l -> new String[] {SILENT, l}).toList());
            }
            List<String> crossing = traceback(99, "RuntimeError: cut by the hour");
            for (int i = 0; i < 3; i++) {
                rows.add(new String[] {HOSTS[0], crossing.get(i)});
            }
            carry.addAll(crossing.subList(3, crossing.size()));
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
                 Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                for (int r = 0; r < rows.size(); r++) {
                    String ts = hour.plusMillis(3_000_000L * r / rows.size()).toString().replace("Z", "");
                    String[] row = rows.get(r);
                    w.write(id++ + "\t" + ts + "\t" + ts + "\t12345\t" + row[0] + "\t10.0.0.5\tUser\tNotice\tapp-web\t"
                            + row[1] + "\n");
                }
            }
            files.add(file);
        }
        return files;
    }

    private static List<String> traceback(int variant, String exception) {
        return List.of("Traceback (most recent call last):",
                "  File \"/srv/app/views.py\", line " + (10 + variant) + ", in handler_" + (char) ('a' + variant % 26),
                "    return process(request)",
                "  File \"/srv/app/process.py\", line 42, in process",
                "    raise_error()",
                exception);
    }
}
