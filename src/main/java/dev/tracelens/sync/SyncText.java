package dev.tracelens.sync;

import dev.tracelens.common.VisibleText;

import java.util.Locale;

/**
 * How sync's facts are shown to a person, the same on the command line and in the app: object
 * keys made harmless to print, byte counts in megabytes.
 */
public final class SyncText {
    private static final int MAX_KEY_CHARS = 200;

    private SyncText() {
    }

    /**
     * A key as it may be printed. Keys are untrusted: control and format characters (terminal
     * escapes, bidi overrides) are shown as visible stand-ins ({@link VisibleText}, the rule
     * every output of log text follows), and a key longer than 200 characters is cut.
     */
    public static String printable(String key) {
        boolean cut = key.codePointCount(0, key.length()) > MAX_KEY_CHARS;
        String head = cut ? key.substring(0, key.offsetByCodePoints(0, MAX_KEY_CHARS)) : key;
        return VisibleText.of(head, false) + (cut ? "…" : "");
    }

    /** {@code 12.3 MB} (decimal megabytes, as S3 consoles show sizes). */
    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
