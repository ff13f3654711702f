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
    private static final int MAX_CACHED = 4096;
    private static final int MAX_CACHED_LENGTH = 512;
    private static final java.util.Map<String, Integer> ROOT_ENDS = new java.util.concurrent.ConcurrentHashMap<>();
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
        if (!mayHaveRoot(path)) {
            return -1;
        }
        if (path.length() > MAX_CACHED_LENGTH) {
            return rootEndOf(path);
        }
        // A scan meets the same library files again and again (every traceback through Django
        // names the same dozen): the regex runs once per file, not once per frame.
        Integer known = ROOT_ENDS.get(path);
        if (known != null) {
            return known;
        }
        int end = rootEndOf(path);
        if (ROOT_ENDS.size() >= MAX_CACHED) {
            ROOT_ENDS.clear(); // bounded: a stream of ever-new paths costs the regex, never memory
        }
        ROOT_ENDS.put(path, end);
        return end;
    }

    private static int rootEndOf(String path) {
        Matcher m = ROOT.matcher(path);
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        return end;
    }

    /**
     * Whether the path names {@code packages/}, {@code python} or {@code third_party/} in any case,
     * as every root of {@link #ROOT} does: a plain scan that spares most app paths the regex
     * (which runs for every frame of every traceback, from its fingerprint and its line kinds).
     */
    private static boolean mayHaveRoot(String path) {
        for (int i = 0, n = path.length(); i < n; i++) {
            char c = (char) (path.charAt(i) | 0x20);
            if (c == 'p' && (path.regionMatches(true, i, "packages/", 0, 9) || path.regionMatches(true, i, "python", 0, 6))) {
                return true;
            }
            if (c == 't' && path.regionMatches(true, i, "third_party/", 0, 12)) {
                return true;
            }
        }
        return false;
    }

    static boolean isFrozen(String path) {
        return path.startsWith(FROZEN);
    }
}
