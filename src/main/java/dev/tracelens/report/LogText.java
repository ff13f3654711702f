package dev.tracelens.report;

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

    /**
     * Replaces control and invisible formatting characters with visible stand-ins: C0 controls
     * with their Unicode control pictures (ESC becomes ␛), DEL with ␡, and C1 controls, bidi
     * overrides, line/paragraph separators, BOMs and non-characters with {@code \\uXXXX}.
     * Newlines and tabs stay when {@code keepLayout} (text in a {@code pre} block or code fence).
     */
    static String visible(String text, boolean keepLayout) {
        if (text == null) {
            return "";
        }
        int n = text.length();
        int i = 0;
        while (i < n && !needsReplacing(text.charAt(i), keepLayout)) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder sb = new StringBuilder(n + 16).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (!needsReplacing(c, keepLayout)) {
                sb.append(c);
            } else if (c < 0x20) {
                sb.append((char) (0x2400 + c));
            } else if (c == 0x7f) {
                sb.append('\u2421');
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    private static boolean needsReplacing(char c, boolean keepLayout) {
        if (c < 0x20) {
            return !(keepLayout && (c == '\n' || c == '\t'));
        }
        if (c < 0x7f) {
            return false;
        }
        return c <= 0x9f // DEL and C1 controls
                || c == '\u200e' || c == '\u200f' // left-to-right / right-to-left marks
                || (c >= '\u2028' && c <= '\u202e') // line/paragraph separators, bidi embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069') // bidi isolates
                || c == '\ufeff' || c == '\ufffe' || c == '\uffff';
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
