package dev.tracelens;

import dev.tracelens.cli.TracelensCommand;
import dev.tracelens.ui.AppLauncher;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Entry point of {@code tracelens.jar}: the desktop app when started with no arguments or only
 * archive files and folders to open; the command line for anything else (a command, an option).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // No arguments (the desktop entry, a double-click) opens the window without looking at the commands.
        if (args.length > 0 && !opensApp(args, TracelensCommand.commandNames())) {
            System.exit(TracelensCommand.run(args));
        }
        if (!hasDisplay()) {
            System.err.println("tracelens: no display to open the app on. Use a command instead, e.g."
                    + " `tracelens scan sample-logs`; see `tracelens --help`.");
            System.exit(2);
        }
        AppLauncher.main(args);
    }

    /** No arguments, or only existing files and folders that are neither a command nor an option. */
    static boolean opensApp(String[] args, Set<String> commands) {
        for (String a : args) {
            if (a.startsWith("-") || commands.contains(a)) {
                return false;
            }
            try {
                if (!Files.exists(Path.of(a))) {
                    return false;
                }
            } catch (InvalidPathException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || System.getProperty("glass.platform") != null) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
