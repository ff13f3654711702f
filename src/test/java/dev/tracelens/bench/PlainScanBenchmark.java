package dev.tracelens.bench;

import dev.tracelens.archive.ReadProgress;
import dev.tracelens.traceback.ScanListener;
import dev.tracelens.traceback.ScanSummary;
import dev.tracelens.traceback.Traceback;
import dev.tracelens.traceback.TracebackScanner;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The full scan (reader + assembler, 50 context rows, the default languages) of one file, a few
 * times, in wall time and in CPU seconds of the process. It uses only API that existed before the
 * language grammars ({@code TracebackScanner(int)} and {@code scan}), so the same source compiles
 * against an older build's classes, which is how "before" and "now" are measured in one run:
 * <pre>
 * javac -d /tmp/old-bench -cp /tmp/old/target/classes src/test/java/dev/tracelens/bench/PlainScanBenchmark.java
 * java -Xmx256m -cp /tmp/old-bench:/tmp/old/target/classes:$DEPS dev.tracelens.bench.PlainScanBenchmark bench.tsv 5
 * java -Xmx256m -cp target/test-classes:target/classes:$DEPS dev.tracelens.bench.PlainScanBenchmark bench.tsv 5
 * </pre>
 * A main class, not a test; see docs/PERFORMANCE.md.
 */
public final class PlainScanBenchmark {
    private PlainScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double megabytes = Files.size(file) / 1e6;
        double bestWall = 0;
        double bestCpu = 0;
        for (int round = 1; round <= rounds; round++) {
            long[] tracebacks = {0};
            long t0 = System.nanoTime();
            long cpu0 = cpuNanos();
            ScanSummary summary = new TracebackScanner(50).scan(List.of(file), new ScanListener() {
                @Override
                public void onTraceback(Traceback traceback) {
                    tracebacks[0]++;
                }
            }, ReadProgress.NONE);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - cpu0) / 1e9;
            System.out.printf("round %d: %,d rows, %,d tracebacks, %.2f s (%.0f MB/s), %.2f CPU s (%.0f MB per CPU s)%n",
                    round, summary.rows(), tracebacks[0], wall, megabytes / wall, cpu, megabytes / cpu);
            if (round > 1) { // round 1 is JIT warm-up
                bestWall = Math.max(bestWall, megabytes / wall);
                bestCpu = Math.max(bestCpu, megabytes / cpu);
            }
        }
        System.out.printf("best of rounds 2-%d: %.0f MB/s, %.0f MB per CPU s%n", rounds, bestWall, bestCpu);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
