package dev.tracelens.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tracelens.engine.TracebackLibrary;
import dev.tracelens.ui.settings.Settings;
import dev.tracelens.ui.settings.SettingsStore;
import dev.tracelens.ui.settings.Theme;
import dev.tracelens.ui.task.TaskExecutor;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Puts the main window together on a stage: view model, view, scene, theme, and the layout
 * remembered from the last run. The app and the UI tests build it the same way.
 */
public final class MainWindow {
    private final Stage stage;
    private final MainViewModel model;
    private final MainView view;
    private final Scene scene;

    public MainWindow(Stage stage, TracebackLibrary library, TaskExecutor executor, SettingsStore settings,
                      Path sampleLogs, Path storeLocation) {
        this.stage = stage;
        this.model = new MainViewModel(library, executor, settings, sampleLogs, storeLocation, System::currentTimeMillis);
        this.view = new MainView(model, stage, MainWindow::applyTheme);
        Settings s = model.settingsProperty().get();
        applyTheme(s.theme());
        WindowPlacement place = WindowPlacement.fit(s.windowX(), s.windowY(), s.windowWidth(), s.windowHeight(),
                screenFor(s).getVisualBounds());
        scene = new Scene(view.root(), place.width(), place.height());
        scene.getStylesheets().add(Objects.requireNonNull(
                MainWindow.class.getResource("tracelens.css")).toExternalForm());
        view.installShortcuts(scene);
        stage.setTitle("Tracelens");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = MainWindow.class.getResource("icons/tracelens-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        stage.setScene(scene);
        stage.setX(place.x());
        stage.setY(place.y());
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        stage.setMaximized(s.maximized());
        view.groupsView().restoreSort(s.sortColumn(), s.sortAscending());
        // On hiding, not on a close request: File → Quit closes the stage without a request.
        stage.setOnHiding(e -> view.saveLayout());
    }

    /** The screen the window was on last time, else the primary one. */
    private static Screen screenFor(Settings s) {
        if (!Double.isNaN(s.windowX()) && !Double.isNaN(s.windowY())) {
            var screens = Screen.getScreensForRectangle(s.windowX(), s.windowY(), Math.max(1, s.windowWidth()),
                    Math.max(1, s.windowHeight()));
            if (!screens.isEmpty()) {
                return screens.getFirst();
            }
        }
        return Screen.getPrimary();
    }

    /** Shows the window and starts: command-line paths, or the first-start sample import. */
    public void show(List<Path> commandLinePaths) {
        stage.show();
        // Arrow keys move through the groups from the start.
        view.groupsView().table().requestFocus();
        view.restoreDividers(model.settingsProperty().get().dividers());
        model.start(commandLinePaths);
    }

    public MainViewModel model() {
        return model;
    }

    public MainView view() {
        return view;
    }

    public Scene scene() {
        return scene;
    }

    /** AtlantaFX Primer, light or dark, for the whole application. */
    public static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
