package dev.tracelens.bench;

import dev.tracelens.archive.ReadProgress;
import dev.tracelens.traceback.Language;
import dev.tracelens.traceback.ScanListener;
import dev.tracelens.traceback.TraceOptions;
import dev.tracelens.traceback.ScanSummary;
import dev.tracelens.traceback.Traceback;
import dev.tracelens.traceback.TracebackAssembler;
import dev.tracelens.traceback.TracebackScanner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The engine's speed as a user gets it: the full scan (reader + traceback assembler with 50 rows
 * of context) against plain gzip inflation of the same file, in one run. A main class, not a
 * test. Run from the project folder:
 * <pre>
 * mvn -q -B test-compile exec:exec@tool -Dtool=dev.tracelens.bench.ScanBenchmark \
 *     -Dtool.jvm=-Xmx256m -Dtool.args="/tmp/tracelens-bench 600 3"
 * </pre>
 * It uses (and generates once) {@code bench.tsv.gz} of {@link ReaderBenchmark}. Each round scans with
 * every language's grammar and with Python's only, so their throughputs compare in one run. With
 * {@code big} as the third argument it instead writes {@code big.tsv.gz}, four gzip members of
 * that file (about 2.5 GB uncompressed), for the memory check with the real command line:
 * {@code java -Xmx256m -jar target/tracelens.jar scan --format jsonl /tmp/tracelens-bench/big.tsv.gz >/dev/null}.
 */
public final class ScanBenchmark {
    private ScanBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "/tmp/tracelens-bench");
        long megabytes = args.length > 1 ? Long.parseLong(args[1]) : 600;
        Path gz = folder.resolve("bench.tsv.gz");
        if (!Files.exists(gz)) {
            Files.createDirectories(folder);
            ReaderBenchmark.generate(folder.resolve("bench.tsv"), gz, megabytes << 20);
        }
        if (args.length > 2 && args[2].equals("big")) {
            writeBig(gz, folder.resolve("big.tsv.gz"));
            return;
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.printf("file %s: %.1f MB on disk; java %s, %d cores, max heap %d MB%n", gz, Files.size(gz) / 1e6,
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        Path tsv = folder.resolve("bench.tsv");
        double bestInflate = 0;
        double bestScan = 0;
        double bestPlain = 0;
        double bestPythonScan = 0;
        double bestPythonPlain = 0;
        TraceOptions pythonOnly = TraceOptions.DEFAULT.withLanguages(Set.of(Language.PYTHON));
        for (int round = 1; round <= rounds; round++) {
            double inflate = inflate(gz);
            double scan = scan(gz, TraceOptions.DEFAULT);
            double pythonScan = scan(gz, pythonOnly);
            // The same rows uncompressed: what the scan does when zlib is not the limit.
            double plain = Files.exists(tsv) ? scan(tsv, TraceOptions.DEFAULT) : 0;
            double pythonPlain = Files.exists(tsv) ? scan(tsv, pythonOnly) : 0;
            System.out.printf("round %d: inflate %.0f MB/s, scan of .tsv.gz %.0f MB/s (%.0f%%; Python only %.0f MB/s),"
                            + " scan of .tsv %.0f MB/s (Python only %.0f MB/s)%n",
                    round, inflate, scan, 100 * scan / inflate, pythonScan, plain, pythonPlain);
            bestInflate = Math.max(bestInflate, inflate);
            bestScan = Math.max(bestScan, scan);
            bestPlain = Math.max(bestPlain, plain);
            bestPythonScan = Math.max(bestPythonScan, pythonScan);
            bestPythonPlain = Math.max(bestPythonPlain, pythonPlain);
        }
        System.out.printf("best: inflate %.0f MB/s, scan of .tsv.gz %.0f MB/s, ratio %.2f; scan of .tsv %.0f MB/s%n",
                bestInflate, bestScan, bestScan / bestInflate, bestPlain);
        System.out.printf("every language vs Python only: .tsv.gz %.0f / %.0f MB/s = %.0f%%, .tsv %.0f / %.0f MB/s = %.0f%%%n",
                bestScan, bestPythonScan, 100 * bestScan / bestPythonScan, bestPlain, bestPythonPlain,
                100 * bestPlain / Math.max(1, bestPythonPlain));
    }

    private static double inflate(Path gz) throws IOException {
        long t0 = System.nanoTime();
        long total = 0;
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 64 * 1024)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        }
        return total / 1e6 / ((System.nanoTime() - t0) / 1e9);
    }

    private static double scan(Path gz, TraceOptions options) {
        long[] tracebacks = {0};
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        ScanSummary summary = new TracebackScanner(TracebackAssembler.DEFAULT_CONTEXT_ROWS, options).scan(List.of(gz), new ScanListener() {
            @Override
            public void onTraceback(Traceback traceback) {
                tracebacks[0]++;
            }
        }, ReadProgress.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        if (!summary.complete() || tracebacks[0] == 0) {
            throw new IllegalStateException("unexpected scan: " + summary);
        }
        long decoded = summary.archives().getFirst().decodedBytes();
        System.out.printf("  scan (%s): %,d rows, %,d tracebacks, %.2f s, %.2f CPU s (%.0f MB per CPU second)%n",
                options.languages().size() == 1 ? "Python only" : "every language", summary.rows(), tracebacks[0],
                seconds, cpu, decoded / 1e6 / cpu);
        return decoded / 1e6 / seconds;
    }

    /** CPU time of the whole process (all threads): the figure other load on the machine spoils least. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void writeBig(Path gz, Path big) throws IOException {
        try (OutputStream out = Files.newOutputStream(big, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int i = 0; i < 4; i++) {
                Files.copy(gz, out);
            }
        }
        System.out.printf("wrote %s: %.1f MB on disk%n", big, Files.size(big) / 1e6);
    }
}
