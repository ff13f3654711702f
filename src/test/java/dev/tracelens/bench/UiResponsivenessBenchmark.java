package dev.tracelens.bench;

import dev.tracelens.ui.Headless;
import dev.tracelens.ui.MainWindow;
import dev.tracelens.ui.TestArchives;
import dev.tracelens.engine.StoreLibrary;
import dev.tracelens.ui.imports.ImportJob;
import dev.tracelens.ui.settings.SettingsStore;
import dev.tracelens.ui.task.FxTaskExecutor;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Does the window stay responsive while a large archive imports? Runs the real app headless
 * (Monocle, software rendering) on a fresh store and records, with an {@link AnimationTimer}, the
 * longest gap between two JavaFX pulses while it imports a >= 500 MB (uncompressed) archive; then
 * the time from opening a 100 MB .tsv.gz to the first groups shown. Not a test: run
 * {@code mvn -q -B test-compile exec:exec@tool -Dtool=dev.tracelens.bench.UiResponsivenessBenchmark
 * -Dtool.args=/tmp/tracelens-bench -Dtool.jvm=-Xmx2g} (the folder keeps the generated archives
 * for the next run).
 */
public final class UiResponsivenessBenchmark {
    private static final long LARGE_UNCOMPRESSED = 520L * 1000 * 1000;
    private static final long MEDIUM_ON_DISK = 100L * 1000 * 1000;

    private UiResponsivenessBenchmark() {
    }

    /** Records the longest gap between pulses; the AnimationTimer runs once per pulse. */
    static final class PulseProbe extends AnimationTimer {
        private long last;
        private volatile long maxGapNanos;
        private volatile long pulses;
        private long started;
        final List<String> longGaps = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void handle(long now) {
            if (last != 0) {
                maxGapNanos = Math.max(maxGapNanos, now - last);
                if (now - last > 50_000_000L) {
                    longGaps.add(String.format(Locale.ROOT, "%.0f ms at %.2f s", (now - last) / 1e6,
                            (last - started) / 1e9));
                }
            } else {
                started = now;
            }
            last = now;
            pulses++;
        }

        void reset() {
            last = 0;
            maxGapNanos = 0;
            longGaps.clear();
            pulses = 0;
        }
    }

    public static void main(String[] args) throws Exception {
        Headless.configure();
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-ui");
        Files.createDirectories(dir);
        Path large = dir.resolve("large");
        Path medium = dir.resolve("medium");
        if (!Files.isDirectory(large)) {
            long t = System.nanoTime();
            Path f = TestArchives.write(large, Instant.parse("2026-03-01T10:00:00Z"), LARGE_UNCOMPRESSED, true, 1500);
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", TestArchives.describe(f), seconds(t));
        }
        if (!Files.isDirectory(medium)) {
            long t = System.nanoTime();
            Path f = TestArchives.write(medium, Instant.parse("2026-03-02T10:00:00Z"), Long.MAX_VALUE, MEDIUM_ON_DISK,
                    true, 1500);
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", TestArchives.describe(f), seconds(t));
        }
        Platform.startup(() -> { });
        PulseProbe probe = new PulseProbe();
        // A user's app has usually shown something before the big import: warm the UI code paths
        // (JIT, CSS, fonts) on the sample logs first, as the first start does.
        MainWindow window = openWindow(dir.resolve("store"));
        System.out.println("warm-up on sample-logs:");
        run(window, Path.of("sample-logs"), probe);
        System.out.printf(Locale.ROOT, "load average before measuring: %s%n", loadAverage());

        Run big = run(window, large, probe);
        System.out.printf(Locale.ROOT, "large archive (%s): imported in %.1f s; longest pulse gap %.1f ms over %d pulses;"
                        + " first groups after %.2f s%n", listing(large), big.importSeconds, big.maxGapMillis, big.pulses,
                big.firstGroupsSeconds);
        if (Boolean.getBoolean("bench.largeOnly")) {
            System.exit(0);
        }
        clear(window);
        Run mid = run(window, medium, probe);
        System.out.printf(Locale.ROOT, "100 MB .tsv.gz (%s): first groups after %.2f s; imported in %.1f s;"
                        + " longest pulse gap %.1f ms%n", listing(medium), mid.firstGroupsSeconds, mid.importSeconds,
                mid.maxGapMillis);
        System.out.printf(Locale.ROOT, "load average after: %s (%d cores)%n", loadAverage(),
                Runtime.getRuntime().availableProcessors());
        Platform.exit();
        System.exit(0);
    }

    private record Run(double importSeconds, double firstGroupsSeconds, double maxGapMillis, long pulses) {
    }

    /** Opens the window once, as a user has it open; the runs drop archives onto it one after another. */
    private static MainWindow openWindow(Path storeDir) throws Exception {
        deleteRecursively(storeDir);
        StoreLibrary library = StoreLibrary.open(storeDir);
        FxTaskExecutor executor = new FxTaskExecutor();
        CompletableFuture<MainWindow> opened = new CompletableFuture<>();
        Platform.runLater(() -> {
            MainWindow w = new MainWindow(new Stage(), library, executor,
                    new SettingsStore(storeDir.resolveSibling(storeDir.getFileName() + "-ui.json")), null, storeDir);
            w.show(List.of());
            opened.complete(w);
        });
        return opened.get(30, TimeUnit.SECONDS);
    }

    /** Empties the store (as "Remove sample data" does) and waits until the list is empty. */
    private static void clear(MainWindow w) throws Exception {
        onFx(() -> w.model().removeSampleData());
        waitFx(() -> w.model().groups().groups().isEmpty());
    }

    private static Run run(MainWindow w, Path archives, PulseProbe probe) throws Exception {
        Thread.sleep(1000); // let earlier layout and CSS passes end: they are not this import's doing
        long[] firstGroups = {0};
        long t0 = System.nanoTime();
        CompletableFuture<ImportJob> started = new CompletableFuture<>();
        javafx.collections.ListChangeListener<Object> watch = c -> {
            if (firstGroups[0] == 0 && !c.getList().isEmpty()) {
                firstGroups[0] = System.nanoTime();
            }
        };
        Platform.runLater(() -> {
            probe.reset();
            probe.start();
            w.model().groups().groups().addListener(watch);
            started.complete(w.model().open(List.of(archives)));
        });
        ImportJob job = started.get(30, TimeUnit.SECONDS);
        waitFx(() -> job.stateProperty().get() != ImportJob.State.RUNNING
                && job.stateProperty().get() != ImportJob.State.QUEUED);
        double importSeconds = seconds(t0);
        onFx(() -> {
            probe.stop();
            w.model().groups().groups().removeListener(watch);
            System.out.println("  " + job.detailsProperty().get());
            System.out.println("  pulse gaps > 50 ms: " + probe.longGaps);
        });
        return new Run(importSeconds, firstGroups[0] == 0 ? Double.NaN : (firstGroups[0] - t0) / 1e9,
                probe.maxGapNanos / 1e6, probe.pulses);
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            r.run();
            done.complete(null);
        });
        done.get(60, TimeUnit.SECONDS);
    }

    private static void waitFx(java.util.function.BooleanSupplier condition) throws Exception {
        while (true) {
            CompletableFuture<Boolean> ok = new CompletableFuture<>();
            Platform.runLater(() -> ok.complete(condition.getAsBoolean()));
            if (ok.get(60, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static String listing(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return String.join(", ", files.map(p -> {
                try {
                    return TestArchives.describe(p);
                } catch (Exception e) {
                    return p.toString();
                }
            }).toList());
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void deleteRecursively(Path p) throws Exception {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
