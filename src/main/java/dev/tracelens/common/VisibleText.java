package dev.tracelens.common;

/**
 * Log text is hostile input: it can hold terminal escapes, bell characters, right-to-left
 * overrides that make code read differently than it runs, invisible tag characters, and
 * carriage returns that overwrite what a terminal showed. Everything Tracelens shows of a log
 * (reports, the command line's text output, sync's object keys) passes through here first, so
 * that such characters show up as something a reader can see instead of acting on the viewer.
 * Machine formats ({@code --json}) are not made visible: they stay exact.
 */
public final class VisibleText {
    private VisibleText() {
    }

    /**
     * Replaces control and invisible formatting characters with visible stand-ins: C0 controls
     * with their Unicode control pictures (ESC becomes ␛, CR ␍, NUL ␀), DEL with ␡, and C1
     * controls, format characters (bidi embeddings, overrides and isolates, marks, zero-width
     * characters, BOMs, tag characters), line/paragraph separators and non-characters with
     * {@code \\uXXXX} ({@code \\u{XXXXX}} beyond the BMP). Newlines and tabs stay when
     * {@code keepLayout} (a block of text); else they are shown too (␊, ␉). Returns the same
     * string when there is nothing to replace.
     */
    public static String of(String text, boolean keepLayout) {
        if (text == null) {
            return "";
        }
        int n = text.length();
        int i = 0;
        while (i < n && !needsReplacing(text, i, keepLayout)) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder sb = new StringBuilder(n + 16).append(text, 0, i);
        while (i < n) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            if (!needsReplacing(text, i, keepLayout)) {
                sb.appendCodePoint(c);
            } else if (c < 0x20) {
                sb.append((char) (0x2400 + c));
            } else if (c == 0x7f) {
                sb.append('\u2421');
            } else if (c <= 0xffff) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.append(String.format("\\u{%x}", c));
            }
            i += width;
        }
        return sb.toString();
    }

    private static boolean needsReplacing(String text, int i, boolean keepLayout) {
        char c = text.charAt(i);
        if (c < 0x20) {
            return !(keepLayout && (c == '\n' || c == '\t'));
        }
        if (c < 0x7f) {
            return false;
        }
        if (c <= 0x9f) { // DEL and C1 controls
            return true;
        }
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            return Character.getType(Character.toCodePoint(c, text.charAt(i + 1))) == Character.FORMAT;
        }
        return Character.getType(c) == Character.FORMAT // bidi controls, marks, zero-width characters, BOM
                || c == '\u2028' || c == '\u2029' // line/paragraph separators
                || c == '\ufffe' || c == '\uffff';
    }
}
