package dev.tracelens.ui.settings;

import dev.tracelens.common.AtomicFile;
import dev.tracelens.common.UserDirs;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads and writes {@link Settings} as {@code ui.json} in the user's config folder
 * ({@code $XDG_CONFIG_HOME/tracelens}, else {@code ~/.config/tracelens}). A missing or unreadable
 * file gives the defaults: losing window positions must never stop the app from starting.
 */
public final class SettingsStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** The store in the default config folder, or in {@code tracelens.config.dir} when set (tests). */
    public static SettingsStore inDefaultLocation() {
        return new SettingsStore(defaultFolder(System.getProperty("tracelens.config.dir"), System.getProperty("user.home"),
                System.getenv()).resolve("ui.json"));
    }

    static Path defaultFolder(String override, String home, Map<String, String> env) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        // The folder the CLI keeps sync.json in: the app reads and writes the same one.
        return UserDirs.from(env, Path.of(home)).config();
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.defaults();
        }
        try {
            Settings s = JSON.readValue(file.toFile(), Settings.class);
            return s == null ? Settings.defaults() : s;
        } catch (IOException | RuntimeException e) {
            System.err.println("tracelens: ignoring unreadable settings " + file + ": " + e.getMessage());
            return Settings.defaults();
        }
    }

    /** Writes atomically (temp file + move), so a crash mid-write keeps the old file. */
    public void save(Settings settings) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFile.write(file, out -> JSON.writeValue(out, settings));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save settings to " + file + ": " + e.getMessage(), e);
        }
    }
}
