package dev.tracelens.archive;

/**
 * Turns one line of an archive into a row for the handler, or a problem: splits on the first
 * nine tabs (the message may contain more), checks the id and generated_at, interns the source.
 * Counts kept and dropped rows of one file.
 */
final class RowParser {
    /** Longest quote of bad input in a problem's detail. */
    static final int EXCERPT_CHARS = 60;
    private static final byte TAB = '\t';
    private static final long TABS = Bytes.pattern(TAB);

    private final String archive;
    private final RowHandler handler;
    private final SourceTable sources;
    private final int maxRowBytes;
    private final MutableRow row = new MutableRow();
    private final int[] tabs = new int[9];
    private long rows;
    private long badRows;
    private long parsedId;
    private final byte[] lastTimestamp = new byte[40];
    private int lastTimestampLength = -1;
    private long lastMillis;
    private boolean reportNuls;

    RowParser(String archive, RowHandler handler, SourceTable sources, int maxRowBytes) {
        this.archive = archive;
        this.handler = handler;
        this.sources = sources;
        this.maxRowBytes = maxRowBytes;
    }

    long rows() {
        return rows;
    }

    long badRows() {
        return badRows;
    }

    /** See {@link RowSink#reportNuls()}. */
    void reportNuls() {
        reportNuls = true;
    }

    /**
     * One line without its {@code \n}.
     *
     * @param maybeNonAscii whether the line may hold a byte >= 0x80 (false means surely ASCII)
     * @param cutLength     the line's real length if it was already cut to the limit, else -1
     */
    void line(byte[] a, int from, int to, long lineNumber, boolean maybeNonAscii, long cutLength) {
        if (to > from && a[to - 1] == '\r') {
            to--;
        }
        if (to == from) {
            return; // blank lines (e.g. a trailing newline) are not rows
        }
        if (to - from > maxRowBytes) {
            if (cutLength < 0) {
                cutLength = to - from;
            }
            to = from + maxRowBytes;
        }
        if (cutLength >= 0) {
            to = Utf8.safeCut(a, from, to);
        }
        columns(a, from, to, lineNumber, maybeNonAscii, cutLength, findTabs(a, from, to));
    }

    /**
     * One line whose first tabs the caller already found, into {@link #tabs()} (the
     * {@link LineSplitter} finds them in the same pass as the newline).
     *
     * @param tabCount how many tabs were found, at most nine
     */
    void lineWithTabs(byte[] a, int from, int to, long lineNumber, boolean maybeNonAscii, int tabCount) {
        if (to - from > maxRowBytes) {
            line(a, from, to, lineNumber, maybeNonAscii, -1); // the cut may drop tabs: find them again
            return;
        }
        if (to > from && a[to - 1] == '\r') {
            to--; // never a tab, so the tabs found stay valid
        }
        if (to == from) {
            return;
        }
        columns(a, from, to, lineNumber, maybeNonAscii, -1, tabCount);
    }

    /** Where the splitter puts the tabs it finds for {@link #lineWithTabs}. */
    int[] tabs() {
        return tabs;
    }

    private void columns(byte[] a, int from, int to, long lineNumber, boolean maybeNonAscii, long cutLength,
                         int tabCount) {
        int columns = tabCount + 1;
        if (columns < 10) {
            drop(lineNumber, Problem.Kind.MISSING_COLUMNS,
                    "only " + columns + " of 10 tab-separated columns: \"" + Bytes.excerpt(a, from, to, EXCERPT_CHARS) + "\"");
            return;
        }
        if (!parseId(a, from, tabs[0])) {
            drop(lineNumber, Problem.Kind.BAD_ID,
                    "bad id \"" + Bytes.excerpt(a, from, tabs[0], EXCERPT_CHARS) + "\" (not a 64-bit integer)");
            return;
        }
        long millis = timestamp(a, tabs[0] + 1, tabs[1]);
        if (millis == Timestamps.INVALID) {
            drop(lineNumber, Problem.Kind.BAD_TIMESTAMP,
                    "bad generated_at timestamp \"" + Bytes.excerpt(a, tabs[0] + 1, tabs[1], EXCERPT_CHARS) + "\"");
            return;
        }
        Source source = sources.intern(a, tabs[3] + 1, tabs[4], tabs[7] + 1, tabs[8]);
        if (maybeNonAscii) {
            int bad = Utf8.firstInvalid(a, from, to);
            if (bad >= 0) {
                handler.onProblem(new Problem(archive, lineNumber, Problem.Kind.INVALID_UTF8,
                        "invalid UTF-8 at byte " + (bad - from + 1) + " of the row, kept with U+FFFD: \""
                                + Bytes.excerpt(a, Math.max(from, bad - 20), to, EXCERPT_CHARS) + "\""));
            }
        }
        if (cutLength >= 0) {
            handler.onProblem(new Problem(archive, lineNumber, Problem.Kind.ROW_TOO_LONG,
                    "row of " + cutLength + " bytes is longer than the limit of " + maxRowBytes
                            + " bytes; kept its first " + (to - from) + " bytes"));
        }
        if (reportNuls) {
            NulBytes.report(handler, archive, lineNumber, a, from, to);
        }
        row.set(a, tabs[8] + 1, to, parsedId, millis, source, archive, lineNumber);
        rows++;
        handler.onRow(row);
    }

    /**
     * Rows come many to the second, so most timestamps are the bytes of the previous row's:
     * comparing them is cheaper than parsing again.
     */
    private long timestamp(byte[] a, int from, int to) {
        int n = to - from;
        if (n == lastTimestampLength && Bytes.equal(a, from, lastTimestamp, 0, n)) {
            return lastMillis;
        }
        long millis = Timestamps.parseMillis(a, from, to);
        if (millis != Timestamps.INVALID && n <= lastTimestamp.length) {
            System.arraycopy(a, from, lastTimestamp, 0, n);
            lastTimestampLength = n;
            lastMillis = millis;
        }
        return millis;
    }

    private void drop(long lineNumber, Problem.Kind kind, String detail) {
        badRows++;
        handler.onProblem(new Problem(archive, lineNumber, kind, detail));
    }

    /** Finds up to nine tabs, eight bytes at a time; returns how many. */
    private int findTabs(byte[] a, int from, int to) {
        int n = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long hits = Bytes.zeroBytes(Bytes.word(a, i) ^ TABS);
            while (hits != 0) {
                tabs[n++] = i + (Long.numberOfTrailingZeros(hits) >>> 3);
                if (n == 9) {
                    return n;
                }
                hits &= hits - 1;
            }
        }
        for (; i < to; i++) {
            if (a[i] == TAB) {
                tabs[n++] = i;
                if (n == 9) {
                    return n;
                }
            }
        }
        return n;
    }

    /** Like {@link Long#parseLong}, from bytes; the value goes to {@link #parsedId}. */
    private boolean parseId(byte[] a, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (a[i] == '-' || a[i] == '+')) {
            negative = a[i] == '-';
            i++;
        }
        if (i >= to || to - i > 19) {
            return false;
        }
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multiplyMin = limit / 10;
        long result = 0; // accumulated negatively, as Long.parseLong does, to reach Long.MIN_VALUE
        for (; i < to; i++) {
            int digit = a[i] - '0';
            if (digit < 0 || digit > 9 || result < multiplyMin) {
                return false;
            }
            result *= 10;
            if (result < limit + digit) {
                return false;
            }
            result -= digit;
        }
        parsedId = negative ? result : -result;
        return true;
    }
}
