package dev.tracelens.archive;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A cheap test of a row's message bytes, decided without decoding: does it start with one of some
 * prefixes, end with one of some bytes and contain a word, or contain one of some needles
 * anywhere? The needles are searched in one pass, eight bytes at a time for all their first bytes
 * together, because this runs for nearly every row. Immutable and thread-safe once built.
 */
public final class ByteTrigger {
    private final byte[][][] startsByFirstByte = new byte[256][][];
    private final byte[][][] containsByLastByte = new byte[256][][];
    private final byte[][][] anywhereByFirstByte = new byte[256][][];
    private final long[] patterns;
    private final byte[] firstBytes;

    private ByteTrigger(List<String> starts, List<String[]> endsThenContains, List<String> anywhere) {
        for (String s : starts) {
            byte[] b = ascii(s);
            startsByFirstByte[b[0] & 0xFF] = append(startsByFirstByte[b[0] & 0xFF], b);
        }
        for (String[] pair : endsThenContains) {
            byte last = ascii(pair[0])[0];
            containsByLastByte[last & 0xFF] = append(containsByLastByte[last & 0xFF], ascii(pair[1]));
        }
        Set<Byte> firsts = new LinkedHashSet<>();
        for (String s : anywhere) {
            byte[] b = ascii(s);
            anywhereByFirstByte[b[0] & 0xFF] = append(anywhereByFirstByte[b[0] & 0xFF], b);
            firsts.add(b[0]);
        }
        firstBytes = new byte[firsts.size()];
        patterns = new long[firsts.size()];
        int i = 0;
        for (byte b : firsts) {
            firstBytes[i] = b;
            patterns[i++] = Bytes.pattern(b);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the tests; every string must be non-empty ASCII. */
    public static final class Builder {
        private final List<String> starts = new ArrayList<>();
        private final List<String[]> ends = new ArrayList<>();
        private final List<String> anywhere = new ArrayList<>();

        private Builder() {
        }

        /** The message starts with {@code prefix}. */
        public Builder startsWith(String prefix) {
            starts.add(checked(prefix));
            return this;
        }

        /** The message's last byte is {@code last} and it contains {@code needle}. */
        public Builder endsWithAndContains(char last, String needle) {
            ends.add(new String[] {checked(String.valueOf(last)), checked(needle)});
            return this;
        }

        /** The message contains {@code needle}. */
        public Builder contains(String needle) {
            anywhere.add(checked(needle));
            return this;
        }

        public ByteTrigger build() {
            return new ByteTrigger(starts, ends, anywhere);
        }

        private static String checked(String s) {
            if (s.isEmpty() || !StandardCharsets.US_ASCII.newEncoder().canEncode(s)) {
                throw new IllegalArgumentException("needles must be non-empty ASCII: " + s);
            }
            return s;
        }
    }

    /** Whether {@code a[from, to)} passes any of the tests. */
    public boolean test(byte[] a, int from, int to) {
        if (to <= from) {
            return false;
        }
        byte[][] starts = startsByFirstByte[a[from] & 0xFF];
        if (starts != null) {
            for (byte[] s : starts) {
                if (s.length <= to - from && Bytes.equal(a, from, s, 0, s.length)) {
                    return true;
                }
            }
        }
        byte[][] ends = containsByLastByte[a[to - 1] & 0xFF];
        if (ends != null) {
            for (byte[] needle : ends) {
                if (Bytes.contains(a, from, to, needle)) {
                    return true;
                }
            }
        }
        return patterns.length > 0 && containsAny(a, from, to);
    }

    /** Whether the bytes of the string pass; for rows that are not in a reader's buffer. */
    public boolean test(String message) {
        byte[] b = message.getBytes(StandardCharsets.UTF_8);
        return test(b, 0, b.length);
    }

    private boolean containsAny(byte[] a, int from, int to) {
        int i = from;
        long[] p = patterns;
        // Up to three first bytes in registers (the usual case), more in a loop.
        long p0 = p[0];
        long p1 = p.length > 1 ? p[1] : p0;
        long p2 = p.length > 2 ? p[2] : p1;
        boolean few = p.length <= 3;
        for (; i + 8 <= to; i += 8) {
            long w = Bytes.word(a, i);
            long x0 = w ^ p0;
            long x1 = w ^ p1;
            long x2 = w ^ p2;
            long t = ((x0 - Bytes.ONES) & ~x0) | ((x1 - Bytes.ONES) & ~x1) | ((x2 - Bytes.ONES) & ~x2);
            t &= Bytes.HIGHS;
            if (!few) {
                for (int k = 3; k < p.length; k++) {
                    long x = w ^ p[k];
                    t |= (x - Bytes.ONES) & ~x & Bytes.HIGHS;
                }
            }
            // Set bits are candidates (the lowest per pattern is exact, higher ones may be false alarms).
            while (t != 0) {
                int at = i + (Long.numberOfTrailingZeros(t) >>> 3);
                if (matchesAt(a, at, to)) {
                    return true;
                }
                t &= t - 1;
            }
        }
        for (; i < to; i++) {
            if (matchesAt(a, i, to)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesAt(byte[] a, int at, int to) {
        byte[][] needles = anywhereByFirstByte[a[at] & 0xFF];
        if (needles == null) {
            return false;
        }
        for (byte[] n : needles) {
            // the last byte first: it rules out most candidates without a call
            if (n.length <= to - at && a[at + n.length - 1] == n[n.length - 1] && Bytes.equal(a, at, n, 0, n.length)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[][] append(byte[][] list, byte[] b) {
        if (list == null) {
            return new byte[][] {b};
        }
        byte[][] out = java.util.Arrays.copyOf(list, list.length + 1);
        out[list.length] = b;
        return out;
    }

    /** The distinct first bytes searched for anywhere (for tests and benchmarks). */
    int anywherePatterns() {
        return firstBytes.length;
    }
}
