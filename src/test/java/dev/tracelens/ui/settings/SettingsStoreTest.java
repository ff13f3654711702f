package dev.tracelens.ui.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingsStoreTest {
    @TempDir
    Path tmp;

    @Test
    void roundTripsEverythingThatSurvivesARestart() {
        SettingsStore store = new SettingsStore(tmp.resolve("a/ui.json"));
        Settings s = Settings.defaults().withContextLines(7).withTheme(Theme.DARK).withRecent("/x").withRecent("/y")
                .withWindow(10, 20, 1000, 700, true).withLayout(List.of(0.3, 0.2, 0.6), "count", true, "fp1")
                .withSampleData(true, true);
        store.save(s);
        assertEquals(s, store.load());
        assertEquals(List.of("/y", "/x"), store.load().recent());
    }

    @Test
    void missingOrBrokenFilesAndBadValuesFallBackToDefaults() throws Exception {
        SettingsStore store = new SettingsStore(tmp.resolve("ui.json"));
        assertEquals(Settings.defaults(), store.load());
        Files.writeString(store.file(), "{not json");
        assertEquals(Settings.defaults(), store.load());
        Files.writeString(store.file(), "{\"contextLines\": -4, \"dividers\": [0.5, 7, -1], \"future\": 1}");
        Settings s = store.load();
        assertEquals(Settings.DEFAULT_CONTEXT_LINES, s.contextLines());
        assertEquals(List.of(0.5), s.dividers());
    }

    @Test
    void followsXdgConfigHome() {
        assertEquals(Path.of("/cfg/tracelens"), SettingsStore.defaultFolder(null, "/home/u", Map.of("XDG_CONFIG_HOME", "/cfg")));
        assertEquals(Path.of("/home/u/.config/tracelens"), SettingsStore.defaultFolder("", "/home/u", Map.of()));
        assertEquals(Path.of("/t"), SettingsStore.defaultFolder("/t", "/home/u", Map.of("XDG_CONFIG_HOME", "/cfg")));
    }
}
