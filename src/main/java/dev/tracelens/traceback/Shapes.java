package dev.tracelens.traceback;

/** Text compared by shape: digits normalised, so per-line timestamps and counters compare equal. */
final class Shapes {
    private Shapes() {
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
