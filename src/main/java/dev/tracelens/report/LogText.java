package dev.tracelens.report;

import dev.tracelens.common.VisibleText;

/**
 * Log text is hostile input: it can hold terminal escapes, bell characters, right-to-left
 * overrides that make code read differently than it runs, and lines of any length. Every
 * format first passes it through here so that such characters show up as something a reader
 * can see instead of acting on the viewer (or, in HTML/XML, making the file invalid).
 */
final class LogText {
    /** Shown where a one-line form of a text was cut. */
    static final String CUT = "…";

    private LogText() {
    }

    /** The project's one rule for making log text harmless to show ({@link VisibleText#of}). */
    static String visible(String text, boolean keepLayout) {
        return VisibleText.of(text, keepLayout);
    }

    /**
     * The first line of {@code text}, made visible and cut to {@code max} characters: for
     * headings, table cells and titles, where a 20,000-character line or a second line would
     * wreck the layout.
     */
    static String oneLine(String text, int max) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int newline = text.indexOf('\n');
        boolean more = newline >= 0 && newline < text.length() - 1;
        String first = newline >= 0 ? text.substring(0, newline) : text;
        if (first.endsWith("\r")) {
            first = first.substring(0, first.length() - 1);
        }
        first = visible(first.replace('\t', ' '), false);
        if (first.length() > max) {
            return cut(first, max) + CUT;
        }
        return more ? first + " " + CUT : first;
    }

    /** {@code text} cut to at most {@code max} chars, never between the halves of a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
