package dev.tracelens.fuzz;

import dev.tracelens.archive.Problem;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs inputs {@code from .. from+count-1} of a seed, each written to disk and checked by
 * {@link InputCheck}, on one worker thread watched by the calling thread: an input that uses more
 * CPU than the budget (or is blocked for 15 times the budget, at least 5 minutes) is a hang (its input saved, the run ends), any other failure (an
 * exception out of the engine, a broken invariant, an OutOfMemoryError) is saved and counted.
 * Saved inputs go to {@code failures/seed-S-input-I/} with a README that says how to replay them.
 */
final class FuzzRun {
    /** The totals of a run. */
    record Result(long inputs, long failures, boolean hung, long nanos, long slowestNanos, long slowestIndex,
                  long rows, long tracebacks, long bytes, Map<Problem.Kind, Long> problems, long maxHeapAfterGc,
                  List<Path> saved, long cpuNanos, long workerCpuNanos) {
        String summary() {
            return String.format("%,d inputs in %.1f s (%,.0f/s, %.2f ms of CPU each, %.2f ms of it on the checking thread), "
                            + "%d failure(s)%s; %,d rows, %,d tracebacks, "
                            + "%,d input bytes; problems %s; slowest input %d (%.0f ms); live heap after a full GC at most %d MiB (%d full GCs)",
                    inputs, nanos / 1e9, inputs / Math.max(1e-9, nanos / 1e9), cpuNanos / 1e6 / Math.max(1, inputs),
                    workerCpuNanos / 1e6 / Math.max(1, inputs),
                    failures, hung ? " (a hang)" : "",
                    rows, tracebacks, bytes, problems, slowestIndex, slowestNanos / 1e6, maxHeapAfterGc >> 20, fullGcs());
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ArchiveMutator mutator;
    private final Path work;
    private final Path failures;
    private final long budgetMillis;
    private final int maxFailures;
    private final PrintStream log;
    private final long progressEveryMillis;

    FuzzRun(FuzzSeeds seeds, Path work, Path failures, long budgetMillis, int maxFailures, PrintStream log, long progressEveryMillis) {
        this.mutator = new ArchiveMutator(seeds);
        this.work = work;
        this.failures = failures;
        this.budgetMillis = budgetMillis;
        this.maxFailures = maxFailures;
        this.log = log;
        this.progressEveryMillis = progressEveryMillis;
    }

    Result run(long seed, long from, long count) {
        Worker worker = new Worker(seed, from, count);
        Thread thread = Thread.ofPlatform().daemon().name("fuzz-worker").start(worker);
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        long lastProgress = start;
        boolean hung = false;
        try {
            while (thread.isAlive()) {
                thread.join(200);
                long now = System.nanoTime();
                long began = worker.inputStarted;
                long cpu = began == 0 ? 0 : THREADS.getThreadCpuTime(thread.threadId()) - worker.inputStartedCpu;
                // The budget is CPU time of the checking thread: on a shared machine wall time flags
                // slow inputs (a 16 MiB row) as hung. Wall time only catches an input blocked for good.
                boolean overCpu = cpu > TimeUnit.MILLISECONDS.toNanos(budgetMillis);
                boolean overWall = now - began > TimeUnit.MILLISECONDS.toNanos(Math.max(15 * budgetMillis, 300_000));
                if (thread.isAlive() && began != 0 && (overCpu || overWall)) {
                    long index = worker.current;
                    StackTraceElement[] stack = thread.getStackTrace();
                    StringBuilder where = new StringBuilder("hang: input ran over the budget of " + budgetMillis + " ms of CPU"
                            + (overWall ? " (or was blocked for " + (now - began) / 1_000_000 + " ms)" : "") + "\n");
                    for (StackTraceElement e : stack) {
                        where.append("\tat ").append(e).append('\n');
                    }
                    worker.saved.add(save(mutator.input(seed, index), where.toString()));
                    worker.failures++;
                    hung = true;
                    worker.stop = true;
                    thread.interrupt();
                    thread.join(2_000);
                    break;
                }
                if (progressEveryMillis > 0 && now - lastProgress > TimeUnit.MILLISECONDS.toNanos(progressEveryMillis)) {
                    lastProgress = now;
                    long done = worker.done;
                    log.printf("fuzz: %,d of %,d inputs, %.0f/s, %d failure(s), live heap after a full GC at most %d MiB (%d full GCs)%n",
                            done, count, done / ((now - start) / 1e9), worker.failures, maxHeapAfterGc() >> 20, fullGcs());
                    log.flush();
                }
            }
        } catch (InterruptedException e) {
            worker.stop = true;
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
        long nanos = System.nanoTime() - start;
        if (worker.crash != null) {
            throw new IllegalStateException("the fuzz harness itself failed", worker.crash);
        }
        return new Result(worker.done, worker.failures, hung, nanos, worker.slowestNanos, worker.slowestIndex,
                worker.rows, worker.tracebacks, worker.bytes, Map.copyOf(worker.problems), maxHeapAfterGc(), List.copyOf(worker.saved),
                cpuNanos() - cpuStart, worker.cpuNanos);
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static final java.util.concurrent.atomic.AtomicLong MAX_AFTER_GC = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong FULL_GCS = new java.util.concurrent.atomic.AtomicLong();

    static {
        // The heap still in use right after each collection, over all heap pools: what the run kept alive.
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof javax.management.NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> {
                    if (n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                                (javax.management.openmbean.CompositeData) n.getUserData());
                        long used = 0;
                        for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                            used += u.getUsed();
                        }
                        // After a young collection the old generation still holds garbage: only a full
                        // collection tells what is really kept alive.
                        if (info.getGcAction().contains("major")) {
                            MAX_AFTER_GC.accumulateAndGet(used - nonHeapAfterGc(info), Math::max);
                            FULL_GCS.incrementAndGet();
                        }
                    }
                }, null, null);
            }
        }
    }

    private static long nonHeapAfterGc(com.sun.management.GarbageCollectionNotificationInfo info) {
        long nonHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage u = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
            if (pool.getType() != MemoryType.HEAP && u != null) {
                nonHeap += u.getUsed();
            }
        }
        return nonHeap;
    }

    static long fullGcs() {
        return FULL_GCS.get();
    }

    /** The largest heap occupancy seen right after a full collection (0 before the first). */
    static long maxHeapAfterGc() {
        return MAX_AFTER_GC.get();
    }

    private final class Worker implements Runnable {
        final long seed;
        final long from;
        final long count;
        volatile long current;
        volatile long inputStarted;
        volatile long inputStartedCpu;
        volatile long done;
        volatile long failures;
        volatile boolean stop;
        volatile Throwable crash;
        volatile long cpuNanos;
        long slowestNanos;
        long slowestIndex;
        long rows;
        long tracebacks;
        long bytes;
        final Map<Problem.Kind, Long> problems = new EnumMap<>(Problem.Kind.class);
        final List<Path> saved = java.util.Collections.synchronizedList(new ArrayList<>());

        Worker(long seed, long from, long count) {
            this.seed = seed;
            this.from = from;
            this.count = count;
        }

        @Override
        public void run() {
            try {
                InputFiles files = new InputFiles(work);
                for (long i = from; i < from + count && !stop; i++) {
                    current = i;
                    FuzzInput input = mutator.input(seed, i);
                    long t0 = System.nanoTime();
                    inputStartedCpu = THREADS.getCurrentThreadCpuTime();
                    inputStarted = t0;
                    try {
                        List<Path> paths = files.write(input);
                        InputCheck.Outcome o = InputCheck.check(input, paths, i % 97 == 0, i % 16 == 0);
                        rows += o.rows();
                        tracebacks += o.tracebacks();
                        o.problems().forEach((k, v) -> problems.merge(k, v, Long::sum));
                    } catch (UncheckedIOException e) {
                        throw e; // the harness could not write the input: not the engine's fault
                    } catch (Throwable e) {
                        if (stop) {
                            return;
                        }
                        input = null; // let an OutOfMemoryError's heap go before saving
                        failures++;
                        saved.add(save(mutator.input(seed, i), stackTrace(e)));
                        if (failures >= maxFailures) {
                            stop = true;
                        }
                    }
                    long took = System.nanoTime() - t0;
                    inputStarted = 0;
                    if (took > slowestNanos) {
                        slowestNanos = took;
                        slowestIndex = i;
                    }
                    if (input != null) {
                        bytes += input.totalBytes();
                    }
                    done = i - from + 1;
                }
                cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            } catch (Throwable e) {
                crash = e;
            }
        }
    }

    private Path save(FuzzInput input, String why) {
        try {
            Path dir = failures.resolve("seed-" + input.seed() + "-input-" + input.index());
            Files.createDirectories(dir);
            InputFiles.saveTo(dir, input);
            // getBytes, not Files.writeString: a failure's message may quote a lone surrogate of the
            // input, which writeString refuses (UnmappableCharacterException) and which ended a run.
            Files.write(dir.resolve("README.txt"), (input.describe() + "\n" + why).getBytes(StandardCharsets.UTF_8));
            log.println("fuzz: FAILURE at seed " + input.seed() + " input " + input.index() + ", saved in " + dir + "\n" + firstLines(why, 12));
            log.flush();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private static String firstLines(String s, int n) {
        String[] lines = s.split("\n", n + 1);
        return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(n, lines.length)));
    }
}
