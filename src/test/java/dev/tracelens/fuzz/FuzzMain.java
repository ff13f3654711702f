package dev.tracelens.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The fuzzer's long mode, run in its own JVM with a small heap so that memory is bounded by the
 * engine and not by a big test heap:
 * <pre>
 * mvn -o -q -B test-compile exec:exec@fuzz -Dfuzz.inputs=10000000 [-Dfuzz.seed=19] [-Dfuzz.from=0]
 * </pre>
 * Options: {@code --inputs N --seed S --from I --budget-ms B --max-failures F --samples DIR
 * --corpus DIR --work DIR --failures DIR}; {@code --save DIR} only writes inputs out. Prints progress each minute and a summary line;
 * exits 0 with no failure, 1 with failures, 3 on a hang (the hung worker cannot be stopped).
 */
public final class FuzzMain {
    private FuzzMain() {
    }

    /**
     * Where inputs are written: a RAM disk when there is one, because creating and truncating
     * millions of small files on a real disk costs more than reading them.
     */
    static Path scratchFolder() throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return Files.createTempDirectory(shm, "tracelens-fuzz");
        }
        return Files.createTempDirectory("tracelens-fuzz");
    }

    public static void main(String[] args) throws IOException {
        long inputs = 1_000_000;
        long seed = 19;
        long from = 0;
        long budget = 20_000;
        int maxFailures = 20;
        long progress = 60_000;
        Path samples = Path.of("sample-logs");
        Path corpus = Path.of("../shared/corpus");
        Path work = null;
        Path failures = Path.of("target/fuzz-failures");
        Path save = null;
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--inputs" -> inputs = Long.parseLong(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--from" -> from = Long.parseLong(v);
                case "--budget-ms" -> budget = Long.parseLong(v);
                case "--max-failures" -> maxFailures = Integer.parseInt(v);
                case "--progress-ms" -> progress = Long.parseLong(v);
                case "--samples" -> samples = Path.of(v);
                case "--corpus" -> corpus = Path.of(v);
                case "--work" -> work = Path.of(v);
                case "--failures" -> failures = Path.of(v);
                case "--save" -> save = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (save != null) { // only write the inputs out, to look at them or to keep one as a test
            ArchiveMutator mutator = new ArchiveMutator(FuzzSeeds.load(samples, corpus));
            for (long i = from; i < from + inputs; i++) {
                Path dir = Files.createDirectories(save.resolve("seed-" + seed + "-input-" + i));
                FuzzInput input = mutator.input(seed, i);
                InputFiles.saveTo(dir, input);
                System.out.print(input.describe());
            }
            return;
        }
        boolean ownWork = work == null;
        if (ownWork) {
            work = scratchFolder();
        }
        System.out.printf("fuzz: seed %d, inputs %,d from %,d, budget %d ms of CPU per input, max heap %d MiB, %s%n",
                seed, inputs, from, budget, Runtime.getRuntime().maxMemory() >> 20, Runtime.version());
        FuzzRun.Result result = new FuzzRun(FuzzSeeds.load(samples, corpus), work, failures, budget, maxFailures,
                System.out, progress).run(seed, from, inputs);
        System.out.println("fuzz: " + result.summary());
        if (ownWork) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.flush();
        if (result.hung()) {
            Runtime.getRuntime().halt(3);
        }
        System.exit(result.failures() == 0 ? 0 : 1);
    }
}
