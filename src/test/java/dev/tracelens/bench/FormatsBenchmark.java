package dev.tracelens.bench;

import dev.tracelens.archive.ArchiveReader;
import dev.tracelens.archive.ArchiveSummary;
import dev.tracelens.archive.LogLine;
import dev.tracelens.archive.Problem;
import dev.tracelens.archive.ReadProgress;
import dev.tracelens.archive.RowHandler;
import dev.tracelens.archive.RowView;
import dev.tracelens.traceback.ScanSummary;
import dev.tracelens.traceback.TracebackScanner;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Throughput of the reader per input format on the same rows: Papertrail TSV, JSON lines and a
 * plain Python-style text log, all uncompressed, each made from {@code bench.tsv} of
 * {@link ReaderBenchmark} (generated there if missing). A main class, not a test.
 *
 * <pre>
 * mvn -o -q -B test-compile
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat target/classpath.txt) \
 *     dev.tracelens.bench.FormatsBenchmark /tmp/tracelens-bench [megabytes] [rounds]
 * </pre>
 * (the classpath needs Jackson and commons-compress: {@code mvn -o -q dependency:build-classpath
 * -Dmdep.outputFile=target/classpath.txt}). Prints MB/s of wall time and MB per CPU second of the
 * parsing thread (the "per core" figure: the parser runs on one core, reading the file on another).
 */
public final class FormatsBenchmark {
    private static final byte[] TRACEBACK = "Traceback (most".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FormatsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "/tmp/tracelens-bench");
        long megabytes = args.length > 1 ? Long.parseLong(args[1]) : 600;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path tsv = folder.resolve("bench.tsv");
        Path gz = folder.resolve("bench.tsv.gz");
        if (!Files.exists(tsv) || !Files.exists(gz)) {
            Files.createDirectories(folder);
            ReaderBenchmark.generate(tsv, gz, megabytes << 20);
        }
        Path jsonl = folder.resolve("bench.jsonl");
        Path log = folder.resolve("bench.log");
        if (!Files.exists(jsonl) || !Files.exists(log)) {
            convert(tsv, jsonl, log);
        }
        System.out.printf("java %s, %d cores, max heap %d MB; tsv %.0f MB, jsonl %.0f MB, log %.0f MB%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                Files.size(tsv) / 1e6, Files.size(jsonl) / 1e6, Files.size(log) / 1e6);
        for (int round = 1; round <= rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (Path file : List.of(tsv, jsonl, log)) {
                double[] r = read(file);
                line.append(String.format(" %s %.0f MB/s (parser %.0f MB per CPU s);",
                        file.getFileName(), r[0], r[1]));
            }
            System.out.println(line);
            line = new StringBuilder("round " + round + ", full scan (reader + assembler, 50 context rows):");
            for (Path file : List.of(tsv, jsonl, log)) {
                double[] r = scan(file);
                line.append(String.format(" %s %.0f MB/s (parsing thread %.0f MB per CPU s, %.0f tracebacks);",
                        file.getFileName(), r[0], r[1], r[2]));
            }
            System.out.println(line);
        }
    }

    /** {wall MB/s, MB per CPU second of the parsing thread}. */
    private static double[] read(Path file) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Handler handler = new Handler();
        ArchiveSummary s = new ArchiveReader().read(List.of(file), handler, ReadProgress.NONE).getFirst();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
        if (!s.complete() || handler.problems != 0 || handler.tracebacks == 0) {
            throw new IllegalStateException("unexpected read of " + file + ": " + s + ", problems " + handler.problems);
        }
        double mb = s.decodedBytes() / 1e6;
        return new double[]{mb / seconds, mb / cpu};
    }

    /** {wall MB/s, MB per CPU second of the scanning thread, tracebacks} of the real engine. */
    private static double[] scan(Path file) throws IOException {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long[] tracebacks = {0};
        ScanSummary s = new TracebackScanner(50).scan(List.of(file), t -> tracebacks[0]++, ReadProgress.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double mb = Files.size(file) / 1e6;
        if (!s.complete() || tracebacks[0] == 0) {
            throw new IllegalStateException("unexpected scan of " + file + ": " + s);
        }
        return new double[]{mb / seconds, mb / cpu, tracebacks[0]};
    }

    /** The same rows as JSON lines (python-json-logger's shape) and as a Python logging text file. */
    private static void convert(Path tsv, Path jsonl, Path log) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(tsv, StandardCharsets.UTF_8);
             OutputStream json = new BufferedOutputStream(Files.newOutputStream(jsonl), 1 << 16);
             OutputStream text = new BufferedOutputStream(Files.newOutputStream(log), 1 << 16)) {
            String row;
            StringBuilder j = new StringBuilder(512);
            while ((row = in.readLine()) != null) {
                String[] c = row.split("\t", 10);
                String time = c[1].replace('T', ' ') + ",000";
                j.setLength(0);
                j.append("{\"asctime\": \"").append(time).append("\", \"levelname\": \"INFO\", \"name\": \"")
                        .append(c[8]).append("\", \"hostname\": \"").append(c[4]).append("\", \"message\": \"");
                escape(j, c[9]);
                j.append("\"}\n");
                json.write(j.toString().getBytes(StandardCharsets.UTF_8));
                String t = c[9].contains("MainThread   File") || c[9].contains("MainThread Traceback")
                        || c[9].contains("MainThread     ") || c[9].contains("DoesNotExist:")
                        ? c[9].substring(c[9].indexOf(' ') + 1) : time + " " + c[9];
                text.write((t + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
    }

    /** What the traceback assembler does for ordinary rows: look for a traceback, keep context. */
    private static final class Handler implements RowHandler {
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
        public void onProblem(Problem problem) {
            problems++;
        }
    }
}
