package dev.tracelens.archive;

import java.util.Arrays;

/**
 * The first non-blank lines of a file (at most {@link #MAX_LINES}, within its first
 * {@link #MAX_BYTES}), without their line ends, as offsets into the first decoded chunk: what the
 * {@link FormatDetector} decides by.
 */
final class Sample {
    static final int MAX_LINES = 20;
    static final int MAX_BYTES = 64 * 1024;

    private final byte[] buffer;
    private final int[] from = new int[MAX_LINES];
    private final int[] to = new int[MAX_LINES];
    private int size;

    Sample(byte[] buffer, int length) {
        this.buffer = buffer;
        int end = Math.min(length, MAX_BYTES);
        int pos = 0;
        while (pos < end && size < MAX_LINES) {
            int nl = Bytes.indexOf(buffer, pos, end, (byte) '\n');
            boolean whole = nl >= 0 || end == length;
            int lineEnd = nl < 0 ? end : nl;
            int e = lineEnd > pos && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (!whole && size > 0) {
                break; // a line cut by the sample's end says little; the whole ones decide
            }
            if (!isBlank(buffer, pos, e)) {
                from[size] = pos;
                to[size] = e;
                size++;
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
    }

    private static boolean isBlank(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != ' ' && a[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    byte[] buffer() {
        return buffer;
    }

    int size() {
        return size;
    }

    int from(int line) {
        return from[line];
    }

    int to(int line) {
        return to[line];
    }

    /** The first byte of the line that is not a space or tab. */
    byte firstNonBlank(int line) {
        for (int i = from[line]; i < to[line]; i++) {
            if (buffer[i] != ' ' && buffer[i] != '\t') {
                return buffer[i];
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return size + " lines from " + Arrays.toString(Arrays.copyOf(from, size));
    }
}
