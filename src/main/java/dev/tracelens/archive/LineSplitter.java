package dev.tracelens.archive;

import java.util.Arrays;

/**
 * Cuts decoded chunks into lines for the {@link RowParser}. Lines inside a chunk are parsed in
 * place; only the line that straddles a chunk boundary is copied, into a spill buffer that grows
 * as needed up to the row limit (beyond it the rest of the line is skipped and the row reported
 * as cut). The pass that looks for the newline also finds the first nine tabs and ORs the words
 * it reads, so that the parser only validates UTF-8 for the few rows with a non-ASCII byte.
 */
final class LineSplitter {
    private static final byte NL = '\n';
    private static final long NLS = Bytes.pattern(NL);
    private static final long TABS = Bytes.pattern((byte) '\t');
    private static final int INITIAL_SPILL = 64 * 1024;

    private final RowParser parser;
    private final int maxRowBytes;
    private byte[] spill = new byte[0];
    private int spillLength;
    /** Full length of the line being spilled, which may be more than what was kept. */
    private long spillTotal;
    private long lineNumber;
    private boolean sawHighBit;
    private int tabCount;

    LineSplitter(RowParser parser, int maxRowBytes) {
        this.parser = parser;
        this.maxRowBytes = maxRowBytes;
    }

    /** Lines started so far (1-based number of the last one). */
    long lineNumber() {
        return lineNumber;
    }

    void accept(byte[] a, int length) {
        int pos = 0;
        if (spillTotal > 0) {
            int nl = Bytes.indexOf(a, 0, length, NL);
            appendSpill(a, 0, nl < 0 ? length : nl);
            if (nl < 0) {
                return;
            }
            flushSpill();
            pos = nl + 1;
        }
        while (pos < length) {
            int nl = scanLine(a, pos, length);
            if (nl < 0) {
                appendSpill(a, pos, length);
                return;
            }
            lineNumber++;
            parser.lineWithTabs(a, pos, nl, lineNumber, sawHighBit, tabCount);
            pos = nl + 1;
        }
    }

    /** At the normal end of input: the last line may lack its newline. */
    void finish() {
        if (spillTotal > 0) {
            flushSpill();
        }
    }

    /** At damaged input: a partial last line is not a row; returns whether one was dropped. */
    boolean dropPartialLine() {
        boolean had = spillTotal > 0;
        spillLength = 0;
        spillTotal = 0;
        return had;
    }

    private void flushSpill() {
        lineNumber++;
        long cut = spillTotal > spillLength ? spillTotal : -1;
        parser.line(spill, 0, spillLength, lineNumber, true, cut);
        spillLength = 0;
        spillTotal = 0;
        if (spill.length > (4 << 20)) {
            spill = new byte[0]; // do not hold on to the memory of one huge row
        }
    }

    private void appendSpill(byte[] a, int from, int to) {
        int n = to - from;
        spillTotal += n;
        int room = maxRowBytes + 1 - spillLength; // one byte more, so the parser sees the row is too long
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

    /**
     * Finds the next newline and, in the same pass over the bytes, the first nine tabs before it
     * (into the parser's tab array, their number into {@link #tabCount}), so that each byte of
     * the row header is read once. Returns the newline's index or -1; sets {@link #sawHighBit}.
     */
    private int scanLine(byte[] a, int from, int to) {
        int[] tabs = parser.tabs();
        int n = 0;
        long high = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = Bytes.word(a, i);
            high |= w;
            long tabHits = Bytes.zeroBytes(w ^ TABS);
            long x = w ^ NLS;
            long newlines = (x - Bytes.ONES) & ~x & Bytes.HIGHS; // exact for the lowest hit, which is all we use
            if (newlines != 0) {
                int at = Long.numberOfTrailingZeros(newlines);
                tabHits &= (1L << at) - 1; // only tabs before the newline
                while (tabHits != 0 && n < 9) {
                    tabs[n++] = i + (Long.numberOfTrailingZeros(tabHits) >>> 3);
                    tabHits &= tabHits - 1;
                }
                tabCount = n;
                sawHighBit = (high & Bytes.HIGHS) != 0;
                return i + (at >>> 3);
            }
            while (tabHits != 0) {
                tabs[n++] = i + (Long.numberOfTrailingZeros(tabHits) >>> 3);
                if (n == 9) {
                    tabCount = 9;
                    int nl = findNewline(a, tabs[8] + 1, to); // the message: only the newline matters now
                    sawHighBit |= (high & Bytes.HIGHS) != 0;
                    return nl;
                }
                tabHits &= tabHits - 1;
            }
        }
        for (; i < to; i++) {
            byte b = a[i];
            if (b == NL) {
                tabCount = n;
                sawHighBit = (high & Bytes.HIGHS) != 0;
                return i;
            }
            high |= b;
            if (b == '\t' && n < 9) {
                tabs[n++] = i;
            }
        }
        return -1;
    }

    /** The next newline in {@code a[from, to)} or -1; sets {@link #sawHighBit} for the bytes before it. */
    private int findNewline(byte[] a, int from, int to) {
        long high = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = Bytes.word(a, i);
            high |= w;
            long x = w ^ NLS;
            long t = (x - Bytes.ONES) & ~x & Bytes.HIGHS;
            if (t != 0) {
                sawHighBit = (high & Bytes.HIGHS) != 0; // may include bytes after the newline: harmless
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            byte b = a[i];
            if (b == NL) {
                sawHighBit = (high & Bytes.HIGHS) != 0;
                return i;
            }
            high |= b;
        }
        return -1;
    }
}
