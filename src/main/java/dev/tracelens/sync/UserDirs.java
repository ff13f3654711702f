package dev.tracelens.sync;

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

    static UserDirs from(Map<String, String> env, Path home) {
        Path config = dir(env.get("XDG_CONFIG_HOME"), home.resolve(".config"));
        Path data = dir(env.get("XDG_DATA_HOME"), home.resolve(".local/share"));
        return new UserDirs(config.resolve("tracelens"), data.resolve("tracelens"));
    }

    /** Where synced archives are cached. */
    public Path syncCache() {
        return data.resolve("s3-cache");
    }

    private static Path dir(String value, Path fallback) {
        // XDG says relative values are invalid and must be ignored.
        if (value == null || value.isBlank() || !Path.of(value).isAbsolute()) {
            return fallback;
        }
        return Path.of(value);
    }
}
