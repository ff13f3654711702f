package dev.tracelens.ui;

import dev.tracelens.store.StoreLocation;
import dev.tracelens.engine.StoreLibrary;
import dev.tracelens.ui.settings.Settings;
import dev.tracelens.ui.settings.SettingsStore;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Opens the store while JavaFX starts its toolkit. Both take a few hundred milliseconds (Lucene's
 * classes load, the index opens; the toolkit loads its natives and fonts) and the window needs
 * both, so doing them side by side is most of what cold start can save.
 *
 * <p>One pending open per process: {@link AppLauncher} begins it, {@link TracelensApp#start}
 * takes it. A start without a launcher (tests) opens on the spot.
 */
final class EarlyStore {
    private static volatile CompletableFuture<Opened> pending;

    /** The settings and the store they name, or why the store could not be opened. */
    record Opened(SettingsStore settingsStore, Path store, StoreLibrary library, RuntimeException error) {
    }

    private EarlyStore() {
    }

    static void begin() {
        pending = CompletableFuture.supplyAsync(EarlyStore::open);
    }

    static Opened take() {
        CompletableFuture<Opened> early = pending;
        pending = null;
        return early == null ? open() : early.join();
    }

    private static Opened open() {
        SettingsStore settingsStore = SettingsStore.inDefaultLocation();
        Path store = storeLocation(settingsStore.load());
        try {
            return new Opened(settingsStore, store, StoreLibrary.open(store), null);
        } catch (RuntimeException e) {
            return new Opened(settingsStore, store, null, e);
        }
    }

    static Path storeLocation(Settings settings) {
        String override = System.getProperty("tracelens.store.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        if (!settings.storeLocation().isBlank()) {
            return Path.of(settings.storeLocation());
        }
        return StoreLocation.defaultDirectory();
    }
}
