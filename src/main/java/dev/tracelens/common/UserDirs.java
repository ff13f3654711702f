package dev.tracelens.common;

import java.nio.file.Path;
import java.util.Map;

/**
 * The per-user folders Tracelens writes to, following the XDG base directory convention so that a
 * desktop user finds them where other Linux tools keep theirs.
 *
 * @param config settings (e.g. {@code sync.json})
 * @param data   downloaded archives and other bulky state
 */
public record UserDirs(Path config, Path data) {

    /** The folders for the current user, from XDG_CONFIG_HOME / XDG_DATA_HOME or their defaults. */
    public static UserDirs current() {
        return from(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static UserDirs from(Map<String, String> env, Path home) {
        Path config = dir(env.get("XDG_CONFIG_HOME"), home.resolve(".config"));
        Path data = dir(env.get("XDG_DATA_HOME"), home.resolve(".local/share"));
        return new UserDirs(config.resolve("tracelens"), data.resolve("tracelens"));
    }

    /**
     * Where synced archives are kept: {@code $XDG_DATA_HOME/tracelens-archives}, beside (not inside)
     * {@code $XDG_DATA_HOME/tracelens}, which is the store's own folder: the store refuses to be
     * created in a folder that holds anything else. The data folder, not ~/.cache, because the
     * store's registry refers to these files and a cache cleaner must not take them.
     */
    public Path syncCache() {
        return data.resolveSibling("tracelens-archives");
    }

    private static Path dir(String value, Path fallback) {
        // XDG says relative values are invalid and must be ignored.
        if (value == null || value.isBlank() || !Path.of(value).isAbsolute()) {
            return fallback;
        }
        return Path.of(value);
    }
}
