package dev.tracelens.archive;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Byte searches over the reader's buffers. They read eight bytes at a time as one {@code long}
 * (SWAR: "SIMD within a register") because scanning for tabs and newlines is most of the
 * reader's work, and a byte-at-a-time loop would make parsing slower than gzip inflation.
 */
final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final long ONES = 0x0101010101010101L;
    static final long HIGHS = 0x8080808080808080L;
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

    private Bytes() {
    }

    static long word(byte[] a, int i) {
        return (long) LONGS.get(a, i);
    }

    /** Eight copies of the byte. */
    static long pattern(byte b) {
        return ONES * (b & 0xFF);
    }

    /**
     * High bit set in exactly the bytes of {@code x} that are zero. (The shorter
     * {@code (x - ONES) & ~x & HIGHS} can flag a byte after a zero byte too; that is fine to find
     * the first match but not to list all of them.)
     */
    static long zeroBytes(long x) {
        long y = (x & LOWS) + LOWS;
        return ~(y | x | LOWS);
    }

    /** Index of the first {@code b} in {@code a[from, to)}, or -1. */
    static int indexOf(byte[] a, int from, int to, byte b) {
        long p = pattern(b);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = word(a, i) ^ p;
            long t = (x - ONES) & ~x & HIGHS;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code a[from, to)} contains the needle. */
    static boolean contains(byte[] a, int from, int to, byte[] needle) {
        int n = needle.length;
        if (n == 0) {
            return true;
        }
        byte first = needle[0];
        byte lastByte = needle[n - 1];
        int last = to - n;
        int i = from;
        while (i <= last) {
            int hit = indexOf(a, i, last + 1, first);
            if (hit < 0) {
                return false;
            }
            // the last byte first: it rules out most candidates without a call
            if (a[hit + n - 1] == lastByte && equal(a, hit, needle, 0, n)) {
                return true;
            }
            i = hit + 1;
        }
        return false;
    }

    /**
     * Whether {@code a[ai, ai+n)} equals {@code b[bi, bi+n)}. Faster than {@link Arrays#equals}
     * for the short ranges compared per row (host and program names, timestamps).
     */
    static boolean equal(byte[] a, int ai, byte[] b, int bi, int n) {
        if (n < 8) {
            for (int k = 0; k < n; k++) {
                if (a[ai + k] != b[bi + k]) {
                    return false;
                }
            }
            return true;
        }
        if (n > 64) {
            return Arrays.equals(a, ai, ai + n, b, bi, bi + n);
        }
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            if (word(a, ai + k) != word(b, bi + k)) {
                return false;
            }
        }
        return k == n || word(a, ai + n - 8) == word(b, bi + n - 8);
    }

    /**
     * A short, printable quote of some bytes for a problem report: decoded leniently, control
     * characters escaped, at most {@code maxChars} characters (then an ellipsis).
     */
    static String excerpt(byte[] a, int from, int to, int maxChars) {
        int end = Math.min(to, from + maxChars * 4);
        String s = new String(a, from, end - from, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(Math.min(s.length(), maxChars) + 8);
        int shown = 0;
        for (int i = 0; i < s.length(); i++) {
            if (shown >= maxChars) {
                out.append('…');
                return out.toString();
            }
            char c = s.charAt(i);
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
            shown++;
        }
        if (end < to) {
            out.append('…');
        }
        return out.toString();
    }
}
