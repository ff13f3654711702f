package dev.tracelens.traceback;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the interpreter's standard library and installed packages live. One rule for grouping
 * ({@link Fingerprinter}: library frames do not tell groups apart) and for showing a traceback
 * (the app and the reports draw library frames dimmer), so that the frames shown as the
 * application's own code are the ones that grouped it.
 */
public final class LibraryFiles {
    private static final Pattern ROOT = Pattern.compile(
            "(?i)(?:^|(?<=/))(?:site-packages|dist-packages)/"
                    + "|(?:^|(?<=/))lib(?:64)?/python[\\d.]*/"
                    + "|(?:^|(?<=/))python[\\d.]*/lib/"
                    + "|(?:^|(?<=/))python\\d*_lib/"
                    + "|(?:^|(?<=/))third_party/");
    /** Frozen modules ({@code <frozen importlib._bootstrap>}) are the interpreter's own. */
    private static final String FROZEN = "<frozen";

    private LibraryFiles() {
    }

    /** Whether a frame's file belongs to the interpreter or an installed package, not the app. */
    public static boolean isLibrary(String file) {
        if (file == null) {
            return false;
        }
        String path = file.replace('\\', '/');
        return rootEnd(path) >= 0 || isFrozen(path);
    }

    /**
     * Where the last library root ends in a path written with forward slashes (after
     * {@code site-packages/}, {@code lib/python3.11/} and the like), or -1 when it has none.
     */
    static int rootEnd(String path) {
        Matcher m = ROOT.matcher(path);
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        return end;
    }

    static boolean isFrozen(String path) {
        return path.startsWith(FROZEN);
    }
}
