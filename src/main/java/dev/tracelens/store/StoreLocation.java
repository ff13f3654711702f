package dev.tracelens.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the store lives when the user does not say: the operating system's user data folder. */
public final class StoreLocation {

    private StoreLocation() {
    }

    /** The default store folder for this user on this machine. */
    public static Path defaultDirectory() {
        return defaultDirectory(System.getProperty("os.name", ""), System.getProperty("user.home", "."),
                System.getenv());
    }

    /**
     * $XDG_DATA_HOME/tracelens, else ~/.local/share/tracelens on Linux and other Unixes;
     * ~/Library/Application Support/Tracelens on macOS; %LOCALAPPDATA%\Tracelens on Windows.
     */
    static Path defaultDirectory(String osName, String userHome, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = notBlank(local) ? Path.of(local) : Path.of(userHome, "AppData", "Local");
            return base.resolve("Tracelens");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Tracelens");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        if (notBlank(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "tracelens");
        }
        return Path.of(userHome, ".local", "share", "tracelens");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
