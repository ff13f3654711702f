package dev.tracelens.ui;

import dev.tracelens.engine.StoreLibrary;
import dev.tracelens.ui.settings.SettingsStore;
import dev.tracelens.ui.task.FxTaskExecutor;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The desktop app. Started through {@link AppLauncher} (JavaFX is on the class path, not the
 * module path, so the main class must not extend {@code Application}).
 *
 * <p>System properties for tests and demos: {@code tracelens.store.dir} (store folder),
 * {@code tracelens.config.dir} (where {@code ui.json} lives), {@code tracelens.samples.dir}.
 */
public final class TracelensApp extends Application {
    private FxTaskExecutor executor;
    private StoreLibrary library;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        EarlyStore.Opened opened = EarlyStore.take();
        SettingsStore settingsStore = opened.settingsStore();
        Path store = opened.store();
        if (opened.error() != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, "Cannot open the store at " + store + ":\n"
                    + opened.error().getMessage() + "\n\nIs another Tracelens running? Choose another store location in ui.json ("
                    + settingsStore.file() + ").");
            alert.setHeaderText("Tracelens cannot start");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        library = opened.library();
        executor = new FxTaskExecutor();
        List<Path> paths = getParameters().getRaw().stream().map(Path::of).toList();
        window = new MainWindow(stage, library, executor, settingsStore, sampleLogs(), store);
        window.view().setDocumentOpener(getHostServices()::showDocument);
        window.show(paths);
    }

    @Override
    public void stop() {
        if (window != null) {
            // The store keeps every archive committed so far; the one being read is dropped.
            window.model().imports().cancelAll();
            window.model().cancelSync();
            window.model().live().close(); // commits what was received
        }
        if (executor != null) {
            executor.close();
        }
        if (library != null) {
            library.close();
        }
    }

    /** The bundled sample logs: beside the working directory (a checkout) or beside the jar's folder. */
    static Path sampleLogs() {
        String override = System.getProperty("tracelens.samples.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path here = Path.of("sample-logs");
        if (Files.isDirectory(here)) {
            return here.toAbsolutePath();
        }
        try {
            Path jar = Path.of(TracelensApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent() == null || jar.getParent().getParent() == null ? null
                    : jar.getParent().getParent().resolve("sample-logs");
            return candidate != null && Files.isDirectory(candidate) ? candidate : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
