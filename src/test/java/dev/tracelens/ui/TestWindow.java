package dev.tracelens.ui;

import dev.tracelens.engine.StoreLibrary;
import dev.tracelens.ui.settings.SettingsStore;
import dev.tracelens.ui.task.FxTaskExecutor;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The real main window on a fresh store and settings file in a test's temporary folder, as the
 * TestFX tests open it, and the polling wait they share (with a time limit; nothing sleeps).
 */
final class TestWindow {
    /** Generous: several builds share the machine's cores and a UI step can wait its turn for long. */
    private static final int WAIT_SECONDS = 90;

    private final Path tmp;
    private final Stage stage;
    private final StoreLibrary library;
    private final FxTaskExecutor executor;
    private boolean engineClosed;
    MainWindow window;

    private TestWindow(Stage stage, Path tmp) {
        this.tmp = tmp;
        this.stage = stage;
        this.library = StoreLibrary.open(tmp.resolve("store"));
        this.executor = new FxTaskExecutor();
    }

    /** Opens the window; call from a TestFX {@code @Start} method. */
    static TestWindow show(Stage stage, Path tmp) {
        TestWindow w = new TestWindow(stage, tmp);
        w.reopen();
        return w;
    }

    /** A new window on the same stage, store and settings: what the next start of the app shows. */
    MainWindow reopen() {
        window = new MainWindow(stage, library, executor, new SettingsStore(tmp.resolve("config/ui.json")),
                null, tmp.resolve("store"));
        window.show(List.of());
        return window;
    }

    /** Tracebacks the store holds now, read off the FX thread (the list may lag behind it). */
    long storedTracebacks() {
        return library.facets().tracebacks();
    }

    Stage stage() {
        return stage;
    }

    /** Stops the background work and closes the store, as quitting the app does. */
    void closeEngine() {
        if (!engineClosed) {
            engineClosed = true;
            executor.close();
            library.close();
        }
    }

    /** Closes the window, then the engine. */
    void close(FxRobot robot) {
        robot.interact(stage::close);
        closeEngine();
    }

    static void waitUntil(String what, Callable<Boolean> condition) {
        waitUntil(() -> what, condition);
    }

    static void waitUntil(Supplier<String> what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what.get(), e);
        }
    }
}
