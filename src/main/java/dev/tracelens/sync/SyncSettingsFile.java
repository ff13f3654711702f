package dev.tracelens.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Loads and saves {@link SyncSettings} as {@code sync.json} in the user's config folder. */
public final class SyncSettingsFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public SyncSettingsFile(Path configDir) {
        this.file = configDir.resolve("sync.json");
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or empty settings when nothing was saved yet. */
    public SyncSettings load() {
        if (!Files.isRegularFile(file)) {
            return SyncSettings.empty();
        }
        try {
            return JSON.readValue(file.toFile(), SyncSettings.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sync settings " + file + ": " + e.getMessage(), e);
        }
    }

    /** Saves atomically, so a crash never leaves a half-written settings file behind. */
    public void save(SyncSettings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), settings);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write sync settings " + file + ": " + e.getMessage(), e);
        }
    }
}
