package dev.tracelens.samples;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.zip.GZIPOutputStream;

/**
 * The two non-Papertrail sample logs (issue 16): a per-user JSON-lines file in
 * python-json-logger's record shape (asctime, levelname, name, hostname, message, and the
 * traceback in exc_info, as {@code logger.exception} gives it) and a plain Python {@code logging}
 * text log ({@code %(asctime)s %(levelname)s %(name)s: %(message)s}, the traceback's lines under
 * its log line). Both gzip, both deterministic from the generator's random.
 */
final class FormatSamples {
    static final String JSON_LINES = "2026-11-20-rainforest-002506.jl.gz";
    static final String TEXT_LOG = "2026-11-20-server.log.gz";
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS").withZone(ZoneOffset.UTC);
    private static final String[] PATHS = {"/api/orders", "/api/cart", "/api/users/me", "/health", "/api/search"};

    private record Bug(String type, String why, List<String> traceback) {
    }

    private static final List<Bug> JSON_BUGS = List.of(
            new Bug("ValueError", "quantity field was \"abc\"", List.of(
                    "Traceback (most recent call last):",
                    "  File \"/srv/iseif/api/orders.py\", line 57, in create_order",
                    "    quantity = int(payload[\"quantity\"])",
                    "ValueError: invalid literal for int() with base 10: 'abc'")),
            new Bug("KeyError", "cart has no sku for line 2", List.of(
                    "Traceback (most recent call last):",
                    "  File \"/srv/iseif/api/cart.py\", line 112, in price_cart",
                    "    total += PRICES[line[\"sku\"]] * line[\"qty\"]",
                    "KeyError: 'sku'")),
            new Bug("json.decoder.JSONDecodeError", "upstream answered 502 with an HTML page", List.of(
                    "Traceback (most recent call last):",
                    "  File \"/srv/iseif/api/search.py\", line 33, in search",
                    "    hits = json.loads(resp.text)",
                    "  File \"/usr/lib/python3.11/json/__init__.py\", line 346, in loads",
                    "    return _default_decoder.decode(s)",
                    "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)")));

    private static final List<Bug> TEXT_BUGS = List.of(
            new Bug("sqlite3.OperationalError", "checkpoint is taking long", List.of(
                    "Traceback (most recent call last):",
                    "  File \"/srv/pinger/store.py\", line 41, in record",
                    "    db.execute(\"INSERT INTO pings VALUES (?, ?)\", (host, ms))",
                    "sqlite3.OperationalError: database is locked")),
            new Bug("requests.exceptions.ReadTimeout", "slow answer from billing", List.of(
                    "Traceback (most recent call last):",
                    "  File \"/srv/pinger/check.py\", line 18, in ping",
                    "    r = requests.get(url, timeout=2)",
                    "  File \"/usr/lib/python3/dist-packages/requests/adapters.py\", line 532, in send",
                    "    raise ReadTimeout(e, request=request)",
                    "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='billing.internal', port=443): Read timed out. (read timeout=2)")),
            new Bug("ZeroDivisionError", "no successful pings in the window", List.of(
                    "Traceback (most recent call last):",
                    "  File \"/srv/pinger/stats.py\", line 9, in mean_latency",
                    "    return sum(samples) / len(samples)",
                    "ZeroDivisionError: division by zero")));

    private FormatSamples() {
    }

    /** Writes both files into {@code dir}; counts their tracebacks by type into {@code emitted}. */
    static List<Path> write(Path dir, Random random, long start, long end, SortedMap<String, Integer> emitted)
            throws IOException {
        List<String> json = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<long[]> jsonBugs = schedule(random, start, end, JSON_BUGS.size() + 1);
        List<long[]> textBugs = schedule(random, start, end, TEXT_BUGS.size() + 1);
        int jb = 0;
        int tb = 0;
        for (long t = start + random.nextInt(20_000); t < end; t += 30_000 + random.nextInt(60_000)) {
            while (jb < jsonBugs.size() && jsonBugs.get(jb)[0] < t) {
                Bug bug = JSON_BUGS.get((int) jsonBugs.get(jb)[1]);
                json.add(jsonRecord(jsonBugs.get(jb)[0] - 800, "WARNING", "iseif.api", bug.why(), null));
                json.add(jsonRecord(jsonBugs.get(jb)[0], "ERROR", "iseif.api", "request failed", String.join("\n", bug.traceback())));
                emitted.merge(bug.type(), 1, Integer::sum);
                jb++;
            }
            while (tb < textBugs.size() && textBugs.get(tb)[0] < t) {
                Bug bug = TEXT_BUGS.get((int) textBugs.get(tb)[1]);
                text.add(ASCTIME.format(Instant.ofEpochMilli(textBugs.get(tb)[0] - 900)) + " WARNING pinger: " + bug.why());
                text.add(ASCTIME.format(Instant.ofEpochMilli(textBugs.get(tb)[0])) + " ERROR pinger: check failed");
                text.addAll(bug.traceback());
                emitted.merge(bug.type(), 1, Integer::sum);
                tb++;
            }
            String path = PATHS[random.nextInt(PATHS.length)];
            json.add(jsonRecord(t, "INFO", "iseif.api", "GET " + path + " 200 in " + (5 + random.nextInt(300)) + " ms", null));
            text.add(ASCTIME.format(Instant.ofEpochMilli(t + 7)) + " INFO pinger: billing.internal answered in "
                    + (10 + random.nextInt(900)) + " ms");
        }
        return List.of(gzip(dir.resolve(JSON_LINES), json), gzip(dir.resolve(TEXT_LOG), text));
    }

    /** {@code n} moments in the range, each with the bug to raise (every bug once, the first twice). */
    private static List<long[]> schedule(Random random, long start, long end, int n) {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new long[]{start + 600_000 + (long) (random.nextDouble() * (end - start - 1_200_000)), i % (n - 1)});
        }
        out.sort((a, b) -> Long.compare(a[0], b[0]));
        return out;
    }

    private static String jsonRecord(long millis, String level, String logger, String message, String excInfo) {
        StringBuilder s = new StringBuilder("{\"asctime\": \"").append(ASCTIME.format(Instant.ofEpochMilli(millis)))
                .append("\", \"levelname\": \"").append(level).append("\", \"name\": \"").append(logger)
                .append("\", \"hostname\": \"rainforest-002506\", \"message\": \"").append(escape(message)).append('"');
        if (excInfo != null) {
            s.append(", \"exc_info\": \"").append(escape(excInfo)).append('"');
        }
        return s.append('}').toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static Path gzip(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream raw = Files.newOutputStream(file);
             Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(raw), StandardCharsets.UTF_8))) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        }
        return file;
    }
}
