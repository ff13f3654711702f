package dev.tracelens.archive;

import java.util.Arrays;

/**
 * Cuts decoded chunks into lines for the formats other than Papertrail's (whose
 * {@link LineSplitter} also finds tabs on the way). Only LF ends a line, so a bare CR stays inside
 * its line; a CR before the LF is left to the consumer. Lines inside a chunk are passed in place;
 * only the line that straddles a chunk boundary is copied, into a spill buffer that grows up to
 * the row limit (beyond it the rest of the line is skipped and the line reported as cut).
 */
final class Lines {
    private static final long NLS = Bytes.pattern((byte) '\n');
    private static final int INITIAL_SPILL = 64 * 1024;

    /** Receives lines without their LF. */
    interface Consumer {
        /**
         * @param maybeNonAscii whether the line may hold a byte >= 0x80 (false means surely ASCII)
         * @param cutLength     the line's real length if it was cut to the limit, else -1
         */
        void line(byte[] a, int from, int to, long lineNumber, boolean maybeNonAscii, long cutLength);
    }

    private final Consumer consumer;
    private final int maxRowBytes;
    private byte[] spill = new byte[0];
    private int spillLength;
    private long spillTotal;
    private long lineNumber;
    private boolean sawHighBit;

    Lines(Consumer consumer, int maxRowBytes) {
        this.consumer = consumer;
        this.maxRowBytes = maxRowBytes;
    }

    long lineNumber() {
        return lineNumber;
    }

    void accept(byte[] a, int length) {
        int pos = 0;
        if (spillTotal > 0) {
            int nl = Bytes.indexOf(a, 0, length, (byte) '\n');
            appendSpill(a, 0, nl < 0 ? length : nl);
            if (nl < 0) {
                return;
            }
            flushSpill();
            pos = nl + 1;
        }
        while (pos < length) {
            int nl = newline(a, pos, length);
            if (nl < 0) {
                appendSpill(a, pos, length);
                return;
            }
            lineNumber++;
            consumer.line(a, pos, nl, lineNumber, sawHighBit, -1);
            pos = nl + 1;
        }
    }

    void finish() {
        if (spillTotal > 0) {
            flushSpill();
        }
    }

    boolean dropPartialLine() {
        boolean had = spillTotal > 0;
        spillLength = 0;
        spillTotal = 0;
        return had;
    }

    private void flushSpill() {
        lineNumber++;
        long cut = spillTotal > spillLength ? spillTotal : -1;
        consumer.line(spill, 0, spillLength, lineNumber, true, cut);
        spillLength = 0;
        spillTotal = 0;
        if (spill.length > (4 << 20)) {
            spill = new byte[0]; // do not hold on to the memory of one huge row
        }
    }

    private void appendSpill(byte[] a, int from, int to) {
        int n = to - from;
        spillTotal += n;
        int room = maxRowBytes + 1 - spillLength; // one byte more, so the consumer sees the row is too long
        int keep = Math.min(n, room);
        if (keep <= 0) {
            return;
        }
        if (spillLength + keep > spill.length) {
            int size = Math.max(INITIAL_SPILL, spill.length);
            while (size < spillLength + keep) {
                size = (int) Math.min((long) size * 2, maxRowBytes + 1L);
            }
            spill = Arrays.copyOf(spill, size);
        }
        System.arraycopy(a, from, spill, spillLength, keep);
        spillLength += keep;
    }

    /** The next LF in {@code a[from, to)} or -1; sets {@link #sawHighBit} for the bytes before it. */
    private int newline(byte[] a, int from, int to) {
        long high = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = Bytes.word(a, i);
            long x = w ^ NLS;
            long t = (x - Bytes.ONES) & ~x & Bytes.HIGHS;
            if (t != 0) {
                int at = i + (Long.numberOfTrailingZeros(t) >>> 3);
                for (int k = i; k < at; k++) {
                    high |= a[k];
                }
                sawHighBit = (high & Bytes.HIGHS) != 0 || high < 0;
                return at;
            }
            high |= w;
        }
        for (; i < to; i++) {
            byte b = a[i];
            if (b == '\n') {
                sawHighBit = high < 0 || (high & Bytes.HIGHS) != 0;
                return i;
            }
            high |= b;
        }
        return -1;
    }
}
