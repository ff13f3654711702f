package dev.tracelens.ui;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes large, plausible Papertrail archives fast, for import tests and the responsiveness
 * benchmark: mostly ordinary log rows from a few machines, and every so often a traceback (one
 * of a few kinds) spread over several rows.
 */
public final class TestArchives {
    private static final String[] HOSTS = {"i-0a1b2c3d", "i-4e5f6a7b", "i-8c9d0e1f", "web-02", "worker-07"};
    private static final String[] PROGRAMS = {"app-web", "app-worker", "celery"};
    private static final String[][] BUGS = {
            {"app/orders.py", "load_order", "order = Order.objects.get(pk=order_id)", "KeyError: 'order_id'"},
            {"app/billing.py", "charge", "amount = total / count", "ZeroDivisionError: division by zero"},
            {"app/users.py", "profile", "return user.email.lower()", "AttributeError: 'NoneType' object has no attribute 'lower'"},
            {"app/export.py", "write_csv", "row = rows[index]", "IndexError: list index out of range"},
    };

    private TestArchives() {
    }

    /**
     * Writes an hourly archive of at least {@code targetBytes} uncompressed bytes.
     *
     * @param gzip       gzip it (fast compression) or write plain {@code .tsv}
     * @param bugEvery   a traceback after this many ordinary rows
     */
    public static Path write(Path dir, Instant hour, long targetBytes, boolean gzip, int bugEvery) throws IOException {
        return write(dir, hour, targetBytes, Long.MAX_VALUE, gzip, bugEvery);
    }

    /** As above, but stops as soon as either size is reached: uncompressed, or on disk. */
    public static Path write(Path dir, Instant hour, long targetBytes, long targetDiskBytes, boolean gzip, int bugEvery)
            throws IOException {
        Files.createDirectories(dir);
        String name = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH").withZone(java.time.ZoneOffset.UTC).format(hour)
                + (gzip ? ".tsv.gz" : ".tsv");
        Path file = dir.resolve(name);
        long[] onDisk = {0};
        OutputStream raw = new java.io.FilterOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file),
                1 << 16)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                onDisk[0] += len;
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                onDisk[0]++;
            }
        };
        OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        } : raw;
        long id = 1_000_000_000_000L + hour.getEpochSecond() * 10_000;
        long written = 0;
        long row = 0;
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            while (written < targetBytes && onDisk[0] < targetDiskBytes) {
                row++;
                long millis = hour.toEpochMilli() + (row * 37) % 3_600_000;
                String ts = Instant.ofEpochMilli(millis - millis % 1000).toString();
                String host = HOSTS[(int) (row % HOSTS.length)];
                String program = PROGRAMS[(int) (row % PROGRAMS.length)];
                int pid = 1000 + (int) (row % HOSTS.length);
                written += line(w, ++id, ts, host, program, "[" + pid + "] INFO app.requests: GET /api/items/" + row
                        + " 200 in " + (row % 900) + "ms user=" + (row % 5000));
                if (row % bugEvery == 0) {
                    String[] bug = BUGS[(int) ((row / bugEvery) % BUGS.length)];
                    written += line(w, ++id, ts, host, program, "[" + pid + "] ERROR app: request failed");
                    written += line(w, ++id, ts, host, program, "Traceback (most recent call last):");
                    written += line(w, ++id, ts, host, program, "  File \"/srv/app/venv/lib/python3.11/site-packages/"
                            + "django/core/handlers/base.py\", line 197, in _get_response");
                    written += line(w, ++id, ts, host, program, "    response = wrapped_callback(request, *args)");
                    written += line(w, ++id, ts, host, program, "  File \"/srv/app/" + bug[0] + "\", line "
                            + (40 + row % 7) + ", in " + bug[1]);
                    written += line(w, ++id, ts, host, program, "    " + bug[2]);
                    written += line(w, ++id, ts, host, program, bug[3]);
                }
            }
        }
        return file;
    }

    private static int line(BufferedWriter w, long id, String ts, String host, String program, String message)
            throws IOException {
        String s = id + "\t" + ts + "\t" + ts + "\t" + (host.hashCode() & 0xffff) + "\t" + host + "\t10.0.0."
                + (host.length() % 200) + "\tUser\tNotice\t" + program + "\t" + message + "\n";
        w.write(s);
        return s.length();
    }

    public static String describe(Path file) throws IOException {
        return String.format(Locale.ROOT, "%s (%.1f MB on disk)", file.getFileName(), Files.size(file) / 1e6);
    }
}
