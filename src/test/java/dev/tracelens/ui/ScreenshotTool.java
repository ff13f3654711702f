package dev.tracelens.ui;

import dev.tracelens.engine.StoreLibrary;
import dev.tracelens.ui.settings.SettingsStore;
import dev.tracelens.ui.settings.Theme;
import dev.tracelens.ui.task.FxTaskExecutor;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Writes a screenshot of the main window on the sample logs, headless (Monocle, software
 * rendering), with a fresh store and settings in a temporary folder:
 * {@code mvn -q -B test-compile exec:exec@tool -Dtool=dev.tracelens.ui.ScreenshotTool
 * -Dtool.args="docs/screenshot-main.png"} (append {@code dark} for the dark theme, {@code empty}
 * for the window before anything is imported, {@code light}; a third argument such as
 * {@code 1024x700} sizes the window).
 */
public final class ScreenshotTool {
    private ScreenshotTool() {
    }

    public static void main(String[] args) throws Exception {
        Headless.configure();
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshot-main.png");
        Theme theme = args.length > 1 && args[1].equalsIgnoreCase("dark") ? Theme.DARK : Theme.LIGHT;
        boolean empty = args.length > 1 && args[1].equalsIgnoreCase("empty");
        // An optional third argument sizes the window, e.g. 1024x700 (a laptop's screen).
        String[] size = (args.length > 2 ? args[2] : "1440x900").split("x");
        double width = Double.parseDouble(size[0]);
        double height = Double.parseDouble(size[1]);
        Path tmp = Files.createTempDirectory("tracelens-shot");
        SettingsStore settings = new SettingsStore(tmp.resolve("ui.json"));
        settings.save(dev.tracelens.ui.settings.Settings.defaults().withTheme(theme)
                .withWindow(Double.NaN, Double.NaN, width, height, false));
        StoreLibrary library = StoreLibrary.open(tmp.resolve("store"));
        FxTaskExecutor executor = new FxTaskExecutor();
        CompletableFuture<MainWindow> window = new CompletableFuture<>();
        Platform.startup(() -> {
            MainWindow w = new MainWindow(new Stage(), library, executor, settings, empty ? null : Path.of("sample-logs"),
                    tmp.resolve("store"));
            w.show(List.of());
            window.complete(w);
        });
        MainWindow w = window.get(30, TimeUnit.SECONDS);
        if (empty) {
            Thread.sleep(1500);
            snapshot(w, out);
            return;
        }
        waitFor(() -> !w.model().groups().groups().isEmpty() && w.model().imports().currentProperty().get() == null);
        // Pick a group with a chained traceback and context: it shows the most of the app.
        onFx(() -> w.model().groups().groups().stream()
                .filter(g -> g.count() > 2 && g.exceptionType().contains("ConnectionError")).findFirst()
                .ifPresent(g -> w.model().groups().selectedProperty().set(g)));
        waitFor(() -> w.model().detail().tracebackProperty().get() != null
                && w.model().detail().detailProperty().get() != null
                && w.model().detail().detailProperty().get().group().count() == w.model().groups().selectedProperty().get().count());
        onFx(() -> w.model().detail().selectedOccurrenceProperty().set(w.model().detail().occurrences().getFirst()));
        waitFor(() -> w.model().detail().tracebackProperty().get() != null && w.model().detail().tracebackProperty().get()
                .firstId() == w.model().detail().occurrences().getFirst().id());
        Thread.sleep(500); // let layout and the last CSS pass settle before the snapshot
        snapshot(w, out);
    }

    private static void snapshot(MainWindow w, Path out) throws Exception {
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> image.complete(w.scene().snapshot(null)));
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(30, TimeUnit.SECONDS), null), "png", out.toFile());
        System.out.println("wrote " + out);
        System.exit(0);
    }

    static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            r.run();
            done.complete(null);
        });
        done.get(30, TimeUnit.SECONDS);
    }

    static void waitFor(BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            CompletableFuture<Boolean> ok = new CompletableFuture<>();
            Platform.runLater(() -> ok.complete(condition.getAsBoolean()));
            if (ok.get(30, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for the window");
    }
}
