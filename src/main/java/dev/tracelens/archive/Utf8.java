package dev.tracelens.archive;

/**
 * Strict UTF-8 validation (no overlong forms, no surrogates, nothing above U+10FFFF), run only
 * on rows that contain a non-ASCII byte, which the line scan notices for free.
 */
final class Utf8 {
    private Utf8() {
    }

    /** Index of the first byte that starts an invalid sequence in {@code a[from, to)}, or -1. */
    static int firstInvalid(byte[] a, int from, int to) {
        int i = from;
        while (i < to) {
            int b = a[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int need;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                if (b == 0xE0) {
                    min2 = 0xA0;
                } else if (b == 0xED) {
                    max2 = 0x9F;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                if (b == 0xF0) {
                    min2 = 0x90;
                } else if (b == 0xF4) {
                    max2 = 0x8F;
                }
            } else {
                return i;
            }
            if (i + need >= to) {
                return i; // the sequence is cut short by the end of the row
            }
            int b2 = a[i + 1] & 0xFF;
            if (b2 < min2 || b2 > max2) {
                return i;
            }
            for (int k = 2; k <= need; k++) {
                if ((a[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
    }

    /**
     * Where to cut {@code a[from, to)} so that no multi-byte character is split: {@code to}, or
     * the start of a sequence that the cut left incomplete.
     */
    static int safeCut(byte[] a, int from, int to) {
        int k = to - 1;
        int back = 0;
        while (k >= from && back < 3 && (a[k] & 0xC0) == 0x80) {
            k--;
            back++;
        }
        if (k < from || a[k] >= 0) {
            return to;
        }
        int lead = a[k] & 0xFF;
        int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return to - k < length ? k : to;
    }
}
