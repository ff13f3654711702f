package dev.tracelens.archive;

/**
 * What the line-based formats (JSON lines, plain text) share: lines from {@link Lines}, one row
 * per non-blank line with a synthetic id ({@link SyntheticIds}), the row limit, UTF-8 and NUL
 * checks, and the time and source of the row before for lines that carry none (the lines of a
 * traceback under its log line, lines before any timestamp get the file's time).
 */
abstract class LineRows implements RowSink, Lines.Consumer {
    protected final FileContext file;
    protected final String archive;
    protected final RowHandler handler;
    protected final SourceTable sources;
    private final int maxRowBytes;
    private final Lines lines;
    private final MutableRow row = new MutableRow();
    /** The file name, the host of rows that name none. */
    protected final byte[] fileHost;
    private long rows;
    private long badRows;
    private boolean reportNuls;
    /** Time and source of the last row, for rows that carry none. */
    protected long lastMillis;
    protected Source lastSource;

    LineRows(FileContext file) {
        this.file = file;
        this.archive = file.archive();
        this.handler = file.handler();
        this.sources = file.sources();
        this.maxRowBytes = file.options().maxRowBytes();
        this.lines = new Lines(this, maxRowBytes);
        this.fileHost = file.archiveBytes();
        this.lastMillis = file.fileMillis();
    }

    /**
     * One line without its line end, not blank, at most the row limit long. Calls {@link #emit} for
     * the row it makes (or {@link #drop}).
     */
    protected abstract void parse(byte[] a, int from, int to, long lineNumber, boolean maybeNonAscii);

    @Override
    public final void line(byte[] a, int from, int to, long lineNumber, boolean maybeNonAscii, long cutLength) {
        if (to > from && a[to - 1] == '\r') {
            to--;
        }
        if (isBlank(a, from, to)) {
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
            handler.onProblem(new Problem(archive, lineNumber, Problem.Kind.ROW_TOO_LONG,
                    "row of " + cutLength + " bytes is longer than the limit of " + maxRowBytes
                            + " bytes; kept its first " + (to - from) + " bytes"));
        }
        if (maybeNonAscii) {
            int bad = Utf8.firstInvalid(a, from, to);
            if (bad >= 0) {
                handler.onProblem(new Problem(archive, lineNumber, Problem.Kind.INVALID_UTF8,
                        "invalid UTF-8 at byte " + (bad - from + 1) + " of the row, kept with U+FFFD: \""
                                + Bytes.excerpt(a, Math.max(from, bad - 20), to, RowParser.EXCERPT_CHARS) + "\""));
            }
        }
        if (reportNuls) {
            NulBytes.report(handler, archive, lineNumber, a, from, to);
        }
        parse(a, from, to, lineNumber, maybeNonAscii);
    }

    private static boolean isBlank(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != ' ' && a[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Hands a row to the handler; its id is the line's synthetic id. */
    protected final void emit(byte[] a, int messageFrom, int messageTo, long millis, Source source, long lineNumber) {
        lastMillis = millis;
        lastSource = source;
        row.set(a, messageFrom, messageTo, SyntheticIds.of(file.identity(), lineNumber), millis, source, archive,
                lineNumber);
        rows++;
        handler.onRow(row);
    }

    /**
     * Forgets the row before: the next line without a header of its own takes {@code millis} and
     * the file's host, not the time and source of the last row ({@link SyslogMessages} starts
     * each received message so).
     */
    final void restart(long millis) {
        lastMillis = millis;
        lastSource = null;
    }

    /** The source of a row that names no host or program: the one before, or the file itself. */
    protected final Source inheritedSource() {
        if (lastSource == null) {
            lastSource = sources.intern(fileHost, 0, fileHost.length, fileHost, 0, 0);
        }
        return lastSource;
    }

    protected final void drop(long lineNumber, Problem.Kind kind, String detail) {
        badRows++;
        handler.onProblem(new Problem(archive, lineNumber, kind, detail));
    }

    @Override
    public final void accept(byte[] a, int length) {
        lines.accept(a, length);
    }

    @Override
    public final void finish() {
        lines.finish();
    }

    @Override
    public final boolean dropPartialLine() {
        return lines.dropPartialLine();
    }

    @Override
    public final long lineNumber() {
        return lines.lineNumber();
    }

    @Override
    public final long rows() {
        return rows;
    }

    @Override
    public final long badRows() {
        return badRows;
    }

    @Override
    public final void reportNuls() {
        reportNuls = true;
    }
}
