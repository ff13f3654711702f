package dev.tracelens.traceback;

/** Text compared by shape: digits normalised, so per-line timestamps and counters compare equal. */
final class Shapes {
    /**
     * Lines longer than this are never frames, and only this much of a line is tested for an
     * exception line: the grammars' patterns must stay linear on hostile input (a 170 KB row).
     */
    static final int MAX_FRAME_CHARS = 2048;

    private Shapes() {
    }

    /** Whether the line is short enough to be a frame. */
    static boolean frameSized(String line) {
        return line.length() <= MAX_FRAME_CHARS;
    }

    /** The start of a line, as much as is tested for an exception line. */
    static String head(String line) {
        return line.length() <= MAX_FRAME_CHARS ? line : line.substring(0, MAX_FRAME_CHARS);
    }

    static String digitsAsZero(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= '0' && c[i] <= '9') {
                c[i] = '0';
            }
        }
        return new String(c);
    }

    /** Whether {@code line} starts with {@code prefix}, or with text of its shape; -1 if not, else the prefix length. */
    static boolean startsLike(String line, String prefix) {
        return line.startsWith(prefix) || (line.length() >= prefix.length()
                && digitsAsZero(line.substring(0, prefix.length())).equals(digitsAsZero(prefix)));
    }
}
