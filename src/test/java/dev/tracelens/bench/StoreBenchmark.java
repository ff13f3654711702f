package dev.tracelens.bench;

import dev.tracelens.archive.ArchiveSummary;
import dev.tracelens.archive.ReadProgress;
import dev.tracelens.store.ArchiveScan;
import dev.tracelens.store.BucketSize;
import dev.tracelens.store.GroupList;
import dev.tracelens.store.GroupSort;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ImportResult;
import dev.tracelens.store.SearchResult;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.StoreImporter;
import dev.tracelens.store.StoreQueries;
import dev.tracelens.store.TracebackStore;
import dev.tracelens.traceback.ContextLine;
import dev.tracelens.traceback.Frame;
import dev.tracelens.traceback.ScanListener;
import dev.tracelens.traceback.ScanSummary;
import dev.tracelens.traceback.LineKinds;
import dev.tracelens.traceback.Traceback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Store benchmark (a main, not a test): imports N synthetic tracebacks in G groups over D days
 * and H hosts through the real importer (one commit per hourly archive), then measures size,
 * reopen time and query latencies. Figures go into docs/PERFORMANCE.md.
 *
 * <p>Usage: {@code StoreBenchmark [workDir=/tmp/tracelens-store-bench] [tracebacks=1000000] [groups=5000] [reuse]};
 * {@code reuse} skips the imports and measures the stores left by an earlier run.
 * {@code StoreBenchmark engine [workDir] [hours=24] [tracebacksPerHour=5000]} measures instead the
 * whole import path (gzip archives → reader → assembler → store) on hand-built archives.
 */
public final class StoreBenchmark {
    private static final Instant START = Instant.parse("2016-08-01T00:00:00Z");
    private static final int DAYS = 30;
    private static final int HOSTS = 50;
    private static final int CONTEXT_ROWS = 10;
    private static final int RUNS = 200;
    private static final String[] WORDS = ("account order payment invoice user session cart basket token cache "
            + "queue worker report export import render template widget campaign keyword budget bid click "
            + "conversion audience segment schedule notify email alert metric dashboard search index query "
            + "filter parse validate normalize serialize encode decode fetch store load save update delete "
            + "create build compute resolve dispatch handle process sync merge split").split(" ");
    private static final String[] TYPES = {"KeyError", "ValueError", "TypeError", "AttributeError", "IndexError",
            "RuntimeError", "IOError", "OSError", "ZeroDivisionError", "AssertionError", "NameError",
            "UnicodeDecodeError", "psycopg2.OperationalError", "requests.exceptions.ConnectionError",
            "socket.timeout", "MemoryError", "ImportError", "NotImplementedError", "LookupError", "queue.Empty"};

    private StoreBenchmark() {
    }

    /** A group: its frames and exception, fixed; occurrences differ in message ids, host, time. */
    private record Group(String fingerprint, String type, String messageStem, List<Frame> frames, String program) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("engine")) {
            engine(Path.of(args.length > 1 ? args[1] : "/tmp/tracelens-store-bench"),
                    args.length > 2 ? Integer.parseInt(args[2]) : 24, args.length > 3 ? Integer.parseInt(args[3]) : 5000);
            return;
        }
        Path work = Path.of(args.length > 0 ? args[0] : "/tmp/tracelens-store-bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int groupCount = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        System.out.printf("machine: %d cores, max heap %d MB, java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        System.out.printf("data: %,d tracebacks, %,d groups, %d days, %d hosts, %d context rows%n", n, groupCount,
                DAYS, HOSTS, CONTEXT_ROWS);
        List<Group> groups = groups(groupCount, new Random(42));
        List<Path> archives = archives(work.resolve("archives"));

        Path withContext = work.resolve("store");
        Path withoutContext = work.resolve("store-nocontext");
        boolean reuse = args.length > 3 && args[3].equals("reuse") && Files.isDirectory(withContext);
        if (!reuse) {
            double rate = importInto(withContext, archives, groups, n, CONTEXT_ROWS);
            importInto(withoutContext, archives, groups, n, 0);
            System.out.printf("import: %,.0f tracebacks/s (one commit per hourly archive, %d archives)%n", rate,
                    archives.size());
        }
        long sizeWith = size(withContext);
        long sizeWithout = size(withoutContext);
        System.out.printf("size: %,d bytes = %,.0f B/traceback with %d context rows; %,.0f B/traceback without context%n",
                sizeWith, (double) sizeWith / n, CONTEXT_ROWS, (double) sizeWithout / n);

        long[] reopen = new long[7];
        for (int i = 0; i < reopen.length; i++) {
            long t0 = System.nanoTime();
            try (TracebackStore store = TracebackStore.open(withContext)) {
                store.tracebackCount();
                reopen[i] = System.nanoTime() - t0;
            }
        }
        System.out.printf("reopen (open for writing + first count): first %.0f ms, median %.0f ms%n",
                reopen[0] / 1e6, median(reopen) / 1e6);

        try (TracebackStore store = TracebackStore.openReadOnly(withContext)) {
            StoreQueries q = new StoreQueries(store);
            Random random = new Random(7);
            GroupList all = q.groups(StoreFilter.ALL, GroupSort.COUNT, 1);
            System.out.printf("store holds %,d occurrences in %,d groups%n", all.totalOccurrences(), all.totalGroups());
            long[] hits = {0};
            measure("full-text query (2 words, top 20)", i -> {
                Group g = groups.get(random.nextInt(groups.size()));
                String word = g.frames().get(random.nextInt(g.frames().size())).function().split("_")[0];
                SearchResult r = q.search(StoreFilter.ALL.withText(g.type().replaceAll(".*\\.", "") + " " + word), 20);
                hits[0] += r.total();
            });
            System.out.printf("  (average %,d matches)%n", hits[0] / (RUNS + 20));
            measure("group list, one-day filter (top 50 by count)", i -> {
                Instant day = START.plus(Duration.ofDays(random.nextInt(DAYS)));
                q.groups(StoreFilter.ALL.withTime(day, day.plus(Duration.ofDays(1))), GroupSort.COUNT, 50);
            });
            measure("group list, no filter (all 30 days, top 50)", i ->
                    q.groups(StoreFilter.ALL, GroupSort.COUNT, 50));
            measure("group history (per hour over 30 days)", i -> {
                Group g = groups.get(random.nextInt(groups.size()));
                q.history(g.fingerprint(), StoreFilter.ALL.withTime(START, START.plus(Duration.ofDays(DAYS))),
                        BucketSize.HOUR);
            });
            measure("occurrence fetch (with context)", i -> {
                long firstId = firstId(random.nextInt(n));
                q.occurrence(firstId).orElseThrow();
            });
            measure("historical reflection", i -> q.reflection(firstId(random.nextInt(n)), 100).orElseThrow());
        }
    }

    /** Import rate through the real engine, from gzip archives on disk. */
    private static void engine(Path work, int hours, int perHour) throws IOException {
        Path archives = work.resolve("engine-archives");
        deleteRecursively(archives);
        List<Path> files = dev.tracelens.store.ArchiveFixtures.write(archives, hours, perHour);
        Path dir = work.resolve("engine-store");
        deleteRecursively(dir);
        long t0 = System.nanoTime();
        ImportResult r;
        try (TracebackStore store = TracebackStore.open(dir)) {
            r = new StoreImporter(store, 50).importArchives(files, ImportListener.NONE);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("engine import: %d archives, %,d rows, %,d tracebacks in %.1f s: %,.0f rows/s,"
                + " %,.0f tracebacks/s (50 context rows)%n", files.size(), r.rows(), r.tracebacksWritten(), s,
                r.rows() / s, r.tracebacksWritten() / s);
        long t1 = System.nanoTime();
        try (TracebackStore store = TracebackStore.open(dir)) {
            ImportResult again = new StoreImporter(store, 50).importArchives(files, ImportListener.NONE);
            System.out.printf("re-import of the same %d archives: %d skipped in %.0f ms%n", files.size(),
                    again.skipped().size(), (System.nanoTime() - t1) / 1e6);
        }
    }

    private static long firstId(int i) {
        return 700_000_000_000L + 10L * i;
    }

    private static double importInto(Path dir, List<Path> archives, List<Group> groups, int n, int contextRows)
            throws IOException {
        deleteRecursively(dir);
        long t0 = System.nanoTime();
        ImportResult result;
        try (TracebackStore store = TracebackStore.open(dir)) {
            result = new StoreImporter(store, new SyntheticScan(archives, groups, n, contextRows))
                    .importArchives(archives, ImportListener.NONE);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("imported %,d tracebacks into %s in %.1f s%n", result.tracebacksWritten(), dir, seconds);
        return result.tracebacksWritten() / seconds;
    }

    private static void measure(String name, IntConsumer query) {
        for (int i = 0; i < 20; i++) {
            query.accept(i);
        }
        long[] t = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            query.accept(i);
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        System.out.printf("%-48s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms%n", name, t[RUNS / 2] / 1e6,
                t[(int) (RUNS * 0.95)] / 1e6, t[RUNS - 1] / 1e6);
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static List<Group> groups(int count, Random random) {
        List<Group> out = new ArrayList<>(count);
        for (int g = 0; g < count; g++) {
            List<Frame> frames = new ArrayList<>();
            int depth = 6 + random.nextInt(5);
            String module = word(random) + "/" + word(random);
            for (int f = 0; f < depth; f++) {
                String function = word(random) + "_" + word(random) + "_" + word(random);
                frames.add(new Frame("/srv/app/" + module + "/" + word(random) + ".py", 10 + random.nextInt(900),
                        function, "result = self." + word(random) + "_" + word(random) + "(" + word(random) + ", "
                        + word(random) + "=" + word(random) + ")"));
            }
            String type = TYPES[random.nextInt(TYPES.length)];
            out.add(new Group(String.format("%016x", random.nextLong()), type,
                    word(random) + " " + word(random) + " failed for " + word(random), frames,
                    "app-" + WORDS[random.nextInt(8)]));
        }
        return out;
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    /** One empty file per hour: the registry needs real files; the tracebacks are generated. */
    private static List<Path> archives(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (int h = 0; h < DAYS * 24; h++) {
            Instant hour = START.plus(Duration.ofHours(h));
            String name = hour.toString().substring(0, 13).replace('T', '-') + ".tsv.gz";
            Path p = dir.resolve(name);
            if (!Files.exists(p)) {
                Files.writeString(p, name);
            }
            out.add(p);
        }
        return out;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            long total = 0;
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Emits, per hourly archive, the tracebacks of that hour (groups drawn with a Zipf-like skew). */
    private static final class SyntheticScan implements ArchiveScan {
        private final List<Path> all;
        private final List<Group> groups;
        private final int n;
        private final int contextRows;
        private final double[] cumulative;

        SyntheticScan(List<Path> all, List<Group> groups, int n, int contextRows) {
            this.all = all;
            this.groups = groups;
            this.n = n;
            this.contextRows = contextRows;
            cumulative = new double[groups.size()];
            double sum = 0;
            for (int i = 0; i < groups.size(); i++) {
                sum += 1.0 / Math.pow(i + 1, 0.8);
                cumulative[i] = sum;
            }
            for (int i = 0; i < cumulative.length; i++) {
                cumulative[i] /= sum;
            }
        }

        @Override
        public ScanSummary scan(List<Path> archives, ScanListener listener, ReadProgress progress) {
            List<ArchiveSummary> summaries = new ArrayList<>();
            long emitted = 0;
            for (Path p : archives) {
                int hour = all.indexOf(p);
                String name = p.getFileName().toString();
                listener.onArchiveStart(name, 1);
                int from = (int) ((long) n * hour / all.size());
                int to = (int) ((long) n * (hour + 1) / all.size());
                for (int i = from; i < to; i++) {
                    listener.onTraceback(traceback(i, name));
                    emitted++;
                }
                ArchiveSummary s = new ArchiveSummary(name, (to - from) * 40L, 0, 1, 1, true);
                summaries.add(s);
                listener.onArchiveEnd(s);
            }
            return new ScanSummary(summaries, emitted);
        }

        private Traceback traceback(int i, String archive) {
            Random random = new Random(i * 31L + 17);
            int gi = Arrays.binarySearch(cumulative, random.nextDouble());
            Group g = groups.get(gi < 0 ? Math.min(-gi - 1, groups.size() - 1) : gi);
            long firstId = firstId(i);
            Instant time = START.plusMillis((long) i * DAYS * 86_400_000L / n);
            String host = String.format("i-%08x", 0x2ee330b7 + random.nextInt(HOSTS));
            String message = g.messageStem() + " id=" + random.nextInt(1_000_000);
            StringBuilder text = new StringBuilder("Traceback (most recent call last):");
            for (Frame f : g.frames()) {
                text.append("\n  File \"").append(f.file()).append("\", line ").append(f.line()).append(", in ")
                        .append(f.function()).append("\n    ").append(f.code());
            }
            text.append('\n').append(g.type()).append(": ").append(message);
            List<ContextLine> context = new ArrayList<>(contextRows);
            for (int c = contextRows; c >= 1; c--) {
                context.add(new ContextLine(firstId - c, time.minusMillis(c * 150L),
                        "20286/MainThread INFO app." + word(random) + ": " + word(random) + " " + word(random)
                                + " request_id=" + Long.toHexString(random.nextLong()) + " took " + random.nextInt(900)
                                + "ms", c < 3));
            }
            return new Traceback(firstId + 2 * g.frames().size() + 1, firstId, 0, time, host, g.program(), "python",
                    g.type(), message, g.frames(), List.of(), text.toString(),
                    LineKinds.of("python", text.toString()), context, g.fingerprint(),
                    List.of(g.type(), g.frames().getLast().function()), false, archive, 1 + (i % 1000));
        }
    }
}
