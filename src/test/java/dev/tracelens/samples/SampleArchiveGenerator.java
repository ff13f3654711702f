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
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the bundled {@code sample-logs/}: a few hourly Papertrail archives from several hosts
 * and programs, with ordinary traffic and the bugs of {@link SampleBugs}, reproducible from a
 * seed: {@code mvn -q -B test-compile exec:exec@tool} rewrites {@code sample-logs/}
 * ({@code -Dtool.args="DIR SEED"} for another folder or seed).
 *
 * <p>Besides the bugs, the archives hold the cases that need more than one file to see: a
 * traceback that starts in one hour and ends in the next, one cut off by the end of the last
 * archive, and one with a burst of other machines' rows inside it. The first archive is written
 * as two gzip members, as Papertrail sometimes does. A JSON-lines and a plain Python log
 * ({@link FormatSamples}) follow, so the first start shows those formats too.
 */
public final class SampleArchiveGenerator {
    public static final long DEFAULT_SEED = 20161108L;
    public static final Instant START = Instant.parse("2026-11-20T03:00:00Z");
    public static final int HOURS = 3;
    /** The hourly Papertrail archives, then a JSON-lines and a Python text log ({@link FormatSamples}). */
    public static final int FILES = HOURS + 2;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FILE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HH").withZone(ZoneOffset.UTC);
    private static final long HOUR = 3_600_000L;

    private final Random random;
    private final List<Event> events = new ArrayList<>();
    private final java.util.SortedMap<String, Integer> emitted = new java.util.TreeMap<>();
    private final List<Proc> procs = new ArrayList<>();
    private int seq;

    private record Event(long millis, int seq, Proc proc, String message) {
    }

    private SampleArchiveGenerator(long seed) {
        this.random = new Random(seed);
        String[] web = {"i-2ee330b7", "i-0b8c1d2e", "i-7f3a9c41"};
        for (String host : web) {
            procs.add(new Proc(host, "app-web", 20000 + random.nextInt(9000)));
            procs.add(new Proc(host, "nginx", 900 + random.nextInt(90)));
        }
        procs.add(new Proc("i-5d6e7f80", "app-worker", 30000 + random.nextInt(9000)));
        procs.add(new Proc("i-19ab44c2", "app-worker", 30000 + random.nextInt(9000)));
        procs.add(new Proc("i-19ab44c2", "app-mailer", 40000 + random.nextInt(9000)));
        procs.add(new Proc("i-19ab44c2", "cron", 500 + random.nextInt(90)));
        procs.add(new Proc("billing-01", "billing", 3000 + random.nextInt(900)));
        procs.add(new Proc("compute-01", "nova-compute", 17000 + random.nextInt(900)));
        procs.add(new Proc("docker-01", "docker", 1));
        procs.add(new Proc("storage-01", "storage-agent", 7000 + random.nextInt(900)));
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "sample-logs");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        for (Path written : write(out, seed).files()) {
            System.out.println(written + " " + Files.size(written) + " bytes");
        }
    }

    /**
     * The archives written, in time order, and how many tracebacks of each exception type they
     * hold (the one cut off before its exception line counts under {@code ""}).
     */
    public record Samples(List<Path> files, java.util.SortedMap<String, Integer> tracebacksByType) {
    }

    /** Writes the hourly archives and the JSON-lines and text logs into {@code dir}. */
    public static Samples write(Path dir, long seed) throws IOException {
        SampleArchiveGenerator generator = new SampleArchiveGenerator(seed);
        List<Path> files = generator.generate(dir);
        return new Samples(files, java.util.Collections.unmodifiableSortedMap(generator.emitted));
    }

    private List<Path> generate(Path dir) throws IOException {
        long start = START.toEpochMilli();
        long end = start + HOURS * HOUR;
        ordinaryTraffic(start, end);
        bugs(start, end);
        crossHourTraceback(start + HOUR - 40);
        burstInsideTraceback(start + HOUR + 25 * 60_000L);
        cutOffAtTheEnd(end - 900);

        events.sort(Comparator.comparingLong(Event::millis).thenComparingInt(Event::seq));
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        long id = 1_316_537_220_000_000_000L + random.nextInt(1_000_000);
        int e = 0;
        for (int h = 0; h < HOURS; h++) {
            long hourEnd = start + (h + 1) * HOUR;
            Path file = dir.resolve(FILE.format(Instant.ofEpochMilli(start + h * HOUR)) + ".tsv.gz");
            List<String> rows = new ArrayList<>();
            for (; e < events.size() && events.get(e).millis() < hourEnd; e++) {
                id += 1 + random.nextInt(40);
                rows.add(row(id, events.get(e)));
            }
            // The first hour as two gzip members: real archives are sometimes concatenated.
            int members = h == 0 ? 2 : 1;
            try (OutputStream raw = Files.newOutputStream(file)) {
                for (int m = 0; m < members; m++) {
                    List<String> part = rows.subList(rows.size() * m / members, rows.size() * (m + 1) / members);
                    GZIPOutputStream gz = new GZIPOutputStream(new NonClosing(raw));
                    try (Writer w = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8))) {
                        for (String row : part) {
                            w.write(row);
                            w.write('\n');
                        }
                    }
                }
            }
            files.add(file);
        }
        files.addAll(FormatSamples.write(dir, random, start, end, emitted));
        return files;
    }

    private String row(long id, Event event) {
        Proc p = event.proc();
        String stamp = STAMP.format(Instant.ofEpochMilli(event.millis()));
        int sourceId = Math.abs(p.host().hashCode() % 900_000) + 100_000;
        String ip = "10.0." + (Math.abs(p.host().hashCode()) % 250) + "." + (Math.abs(p.host().hashCode() / 250) % 250);
        String facility = p.program().equals("cron") ? "Cron" : "User";
        return String.join("\t", Long.toString(id), stamp, stamp, Integer.toString(sourceId), p.host(), ip,
                facility, "Notice", p.program(), event.message());
    }

    private void add(long millis, Proc proc, String message) {
        events.add(new Event(millis, seq++, proc, message));
    }

    private void ordinaryTraffic(long start, long end) {
        for (Proc p : procs) {
            long meanGap = switch (p.program()) {
                case "nginx" -> 4_000;
                case "app-web" -> 6_000;
                case "app-worker", "docker" -> 9_000;
                case "cron" -> 120_000;
                default -> 20_000;
            };
            for (long t = start + random.nextInt((int) meanGap); t < end; t += 1 + (long) (random.nextDouble() * 2 * meanGap)) {
                p.nowMillis = t;
                add(t, p, OrdinaryLines.line(random, p));
            }
        }
    }

    private void bugs(long start, long end) {
        for (SampleBugs bug : SampleBugs.values()) {
            List<Proc> candidates = procs.stream().filter(p -> p.program().equals(bug.program)).toList();
            // Some bugs only start in the second hour: "first seen" then says something.
            long from = bug.ordinal() % 4 == 3 ? start + HOUR : start;
            int count = bug.weight + random.nextInt(bug.weight + 1);
            for (int i = 0; i < count; i++) {
                Proc p = candidates.get(random.nextInt(candidates.size()));
                long t = from + (long) (random.nextDouble() * (end - from - 120_000));
                emit(bug, p, t, 2);
            }
        }
    }

    /** The "why" line, a few seconds before, then the traceback's lines a few ms apart. */
    private void emit(SampleBugs bug, Proc p, long t, long gapMillis) {
        emitted.merge(bug.exceptionType, 1, Integer::sum);
        p.nowMillis = t - 1_500 - random.nextInt(3_000);
        add(p.nowMillis, p, bug.why(random, p));
        p.nowMillis = t;
        List<String> lines = bug.lines(random, p);
        for (int i = 0; i < lines.size(); i++) {
            add(t + i * gapMillis, p, lines.get(i));
        }
    }

    private Proc proc(String program) {
        return procs.stream().filter(p -> p.program().equals(program)).findFirst().orElseThrow();
    }

    private void crossHourTraceback(long t) {
        emit(SampleBugs.KEY_ERROR, proc("app-web"), t, 7);
    }

    /** 60 nginx rows of other hosts land between the rows of one traceback. */
    private void burstInsideTraceback(long t) {
        Proc worker = proc("app-worker");
        emit(SampleBugs.TREE_RECURSION, worker, t, 90);
        List<Proc> nginx = procs.stream().filter(p -> p.program().equals("nginx")).toList();
        for (int i = 0; i < 60; i++) {
            Proc p = nginx.get(i % nginx.size());
            add(t + 5 + i * 15L, p, OrdinaryLines.line(random, p));
        }
    }

    private void cutOffAtTheEnd(long t) {
        Proc p = proc("app-worker");
        List<String> lines = SampleBugs.QUEUE_EMPTY.lines(random, p);
        for (int i = 0; i < 3; i++) {
            add(t + i * 3L, p, lines.get(i));
        }
        emitted.merge("", 1, Integer::sum);
    }

    /** Lets each gzip member finish without closing the file under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
