package dev.tracelens.bench;

import dev.tracelens.archive.ArchiveReader;
import dev.tracelens.archive.ArchiveSummary;
import dev.tracelens.archive.LogLine;
import dev.tracelens.archive.ReadProgress;
import dev.tracelens.archive.RowHandler;
import dev.tracelens.archive.RowView;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Throughput of {@link ArchiveReader} against plain gzip inflation of the same file. A main
 * class, not a test (surefire only runs *Test classes): it takes a minute and wants a quiet machine.
 *
 * <p>Run (from the project folder; needs no dependencies beyond our own classes):
 * <pre>
 * mvn -q -B test-compile
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Xmx256m -cp target/classes:target/test-classes \
 *     dev.tracelens.bench.ReaderBenchmark /tmp/tracelens-bench [megabytes] [rounds]
 * </pre>
 * Or, to read one given archive and see speed and heap use:
 * {@code java -Xmx256m -cp ... dev.tracelens.bench.ReaderBenchmark /path/to/big.tsv.gz}.
 *
 * <p>The folder gets {@code bench.tsv.gz} (generated once: realistic mixed rows, several hosts and
 * programs, about one row in 40 part of a traceback; default 600 MB uncompressed) and
 * {@code bench.tsv}, the same rows uncompressed. It then measures, in rounds, MB/s of decoded
 * bytes for: inflating through {@link GZIPInputStream} into a discarded buffer; reading the gzip
 * file with the reader and an assembler-like handler; reading the plain file the same way.
 */
public final class ReaderBenchmark {
    private static final byte[] TRACEBACK = "Traceback (most".getBytes(StandardCharsets.US_ASCII);

    private ReaderBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && Files.isRegularFile(Path.of(args[0]))) {
            readOne(Path.of(args[0]));
            return;
        }
        Path folder = Path.of(args.length > 0 ? args[0] : "/tmp/tracelens-bench");
        long megabytes = args.length > 1 ? Long.parseLong(args[1]) : 600;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path gz = folder.resolve("bench.tsv.gz");
        Path tsv = folder.resolve("bench.tsv");
        if (!Files.exists(gz) || !Files.exists(tsv)) {
            Files.createDirectories(folder);
            long t0 = System.nanoTime();
            generate(tsv, gz, megabytes << 20);
            System.out.printf("generated %s in %.1f s%n", folder, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf("file %s: %.1f MB on disk, %.1f MB uncompressed; java %s, %d cores, max heap %d MB%n",
                gz, Files.size(gz) / 1e6, Files.size(tsv) / 1e6, Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        double bestInflate = 0;
        double bestReadGz = 0;
        double bestReadTsv = 0;
        for (int round = 1; round <= rounds; round++) {
            double inflate = inflateMbPerSecond(gz);
            double inflateCpu = Files.size(tsv) / 1e6 / lastInflateCpuSeconds;
            double readGz = readMbPerSecond(gz);
            gzProcessCpuSeconds = lastProcessCpuSeconds;
            double readTsv = readMbPerSecond(tsv);
            double parseCpu = Files.size(tsv) / 1e6 / lastParseCpuSeconds;
            double gzProcessCpu = Files.size(tsv) / 1e6 / gzProcessCpuSeconds;
            System.out.printf("round %d: gzip inflate %.0f MB/s, reader on .tsv.gz %.0f MB/s (%.0f%% of inflate),"
                    + " reader on .tsv %.0f MB/s; per CPU second: inflate %.0f MB, parsing thread %.0f MB,"
                    + " whole .tsv.gz read (all threads) %.0f MB%n",
                    round, inflate, readGz, 100 * readGz / inflate, readTsv, inflateCpu, parseCpu, gzProcessCpu);
            bestInflate = Math.max(bestInflate, inflate);
            bestReadGz = Math.max(bestReadGz, readGz);
            bestReadTsv = Math.max(bestReadTsv, readTsv);
        }
        System.out.printf("best: gzip inflate %.0f MB/s, reader on .tsv.gz %.0f MB/s, ratio %.2f, reader on .tsv %.0f MB/s%n",
                bestInflate, bestReadGz, bestReadGz / bestInflate, bestReadTsv);
    }

    /** Reads one given archive (e.g. a multi-GB one under -Xmx256m) and reports speed and heap. */
    private static void readOne(Path file) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long cpu0 = processCpuNanos();
        long gc0 = gcMillis();
        long t0 = System.nanoTime();
        AssemblerLike handler = new AssemblerLike();
        ArchiveSummary s = new ArchiveReader().read(List.of(file), handler, ReadProgress.NONE).getFirst();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("process CPU %.1f s (of which GC %.1f s) for %.1f s wall%n",
                (processCpuNanos() - cpu0) / 1e9, (gcMillis() - gc0) / 1e3, seconds);
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%s: %d rows, %.0f MB decoded in %.1f s = %.0f MB/s; complete %s; %d tracebacks;"
                        + " max heap %d MB, peak heap pools sum %d MB%n", file, s.rows(), s.decodedBytes() / 1e6, seconds,
                s.decodedBytes() / 1e6 / seconds, s.complete(), handler.tracebacks,
                Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    private static double inflateMbPerSecond(Path gz) throws IOException {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long total = 0;
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 64 * 1024)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
            }
        }
        lastInflateCpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
        return total / 1e6 / ((System.nanoTime() - t0) / 1e9);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** CPU seconds the calling (parsing) thread spent in the last read. */
    private static double lastParseCpuSeconds;
    /** CPU seconds of the last plain inflation. */
    private static double lastInflateCpuSeconds;

    /** CPU seconds of the whole process in the last read, and in the last read of the .tsv.gz. */
    private static double lastProcessCpuSeconds;
    private static double gzProcessCpuSeconds;

    private static double readMbPerSecond(Path file) {
        long process0 = processCpuNanos();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        AssemblerLike handler = new AssemblerLike();
        List<ArchiveSummary> summaries = new ArchiveReader().read(List.of(file), handler, ReadProgress.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        lastParseCpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
        lastProcessCpuSeconds = (processCpuNanos() - process0) / 1e9;
        ArchiveSummary s = summaries.getFirst();
        if (!s.complete() || s.badRows() != 0 || handler.problems != 0 || handler.tracebacks == 0) {
            throw new IllegalStateException("unexpected read: " + s + ", problems " + handler.problems);
        }
        return s.decodedBytes() / 1e6 / seconds;
    }

    /** What the traceback assembler does for ordinary rows: look for a traceback, keep context. */
    private static final class AssemblerLike implements RowHandler {
        private static final int CONTEXT = 50;
        private LogLine[][] rings = new LogLine[16][];
        private int[] next = new int[16];
        long tracebacks;
        long problems;

        @Override
        public void onRow(RowView row) {
            if (row.messageContains(TRACEBACK)) {
                tracebacks++;
            }
            int source = row.source().index();
            if (source >= rings.length) {
                rings = Arrays.copyOf(rings, source * 2);
                next = Arrays.copyOf(next, source * 2);
            }
            LogLine[] ring = rings[source];
            if (ring == null) {
                ring = rings[source] = new LogLine[CONTEXT];
            }
            ring[next[source]] = row.toLogLine();
            next[source] = (next[source] + 1) % CONTEXT;
        }

        @Override
        public void onProblem(dev.tracelens.archive.Problem problem) {
            problems++;
        }
    }

    /** Writes realistic rows: mixed lengths and words, 24 hosts x 3 programs, some tracebacks. */
    static void generate(Path tsv, Path gz, long bytes) throws IOException {
        Random random = new Random(1);
        String[] words = ("request user session cache miss hit GET POST /api/v1/orders /health took ms status "
                + "200 404 500 worker started finished job queue retry connection pool database query rows "
                + "payload validated token expired refresh upstream timeout latency bytes sent received").split(" ");
        String[] levels = {"INFO", "INFO", "INFO", "DEBUG", "WARNING", "ERROR"};
        String[] programs = {"app-web", "app-worker", "nginx"};
        String[] hosts = new String[24];
        for (int i = 0; i < hosts.length; i++) {
            hosts[i] = "i-" + Integer.toHexString(0x2ee330b7 + i * 7919);
        }
        String[] traceback = {
                "Traceback (most recent call last):",
                "  File \"/srv/app/views.py\", line 120, in lookup",
                "    order = Order.objects.get(pk=order_id)",
                "  File \"/srv/venv/lib/python3.11/site-packages/django/db/models/manager.py\", line 87, in manager_method",
                "    return getattr(self.get_queryset(), name)(*args, **kwargs)",
                "  File \"/srv/venv/lib/python3.11/site-packages/django/db/models/query.py\", line 637, in get",
                "    raise self.model.DoesNotExist(",
                "app.models.Order.DoesNotExist: Order matching query does not exist."};
        DateTimeFormatter time = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
        long id = 700_000_000_000L;
        long second = Instant.parse("2016-08-12T00:00:00Z").getEpochSecond();
        String stamp = time.format(Instant.ofEpochSecond(second));
        long written = 0;
        StringBuilder line = new StringBuilder(512);
        try (OutputStream plain = new BufferedOutputStream(Files.newOutputStream(tsv), 1 << 16);
             OutputStream zipped = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(gz), 1 << 16), 1 << 16)) {
            while (written < bytes) {
                if (random.nextInt(20) == 0) {
                    second++;
                    stamp = time.format(Instant.ofEpochSecond(second));
                }
                int host = random.nextInt(hosts.length);
                int program = random.nextInt(programs.length);
                List<String> messages = new ArrayList<>();
                int pid = 1000 + host * 31 + program;
                if (random.nextInt(300) == 0) {
                    for (String t : traceback) {
                        messages.add(pid + "/MainThread " + t);
                    }
                } else {
                    line.setLength(0);
                    line.append(pid).append("/MainThread ").append(levels[random.nextInt(levels.length)])
                            .append(" app.").append(words[random.nextInt(words.length)]).append(": ");
                    int n = 3 + random.nextInt(random.nextInt(10) == 0 ? 60 : 18);
                    for (int w = 0; w < n; w++) {
                        line.append(words[random.nextInt(words.length)]).append(' ');
                        if (random.nextInt(4) == 0) {
                            line.append(random.nextInt(100_000)).append(' ');
                        }
                    }
                    messages.add(line.toString());
                }
                for (String message : messages) {
                    String row = (++id) + "\t" + stamp + "\t" + stamp + "\t" + (12_345 + host) + "\t" + hosts[host]
                            + "\t10.0." + host + ".5\tUser\tNotice\t" + programs[program] + "\t" + message + "\n";
                    byte[] b = row.getBytes(StandardCharsets.UTF_8);
                    plain.write(b);
                    zipped.write(b);
                    written += b.length;
                }
            }
        }
    }
}
