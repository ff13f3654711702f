package dev.tracelens.archive;

/**
 * Plain-text logs, one row per line: syslog lines (RFC 3164 and RFC 5424, as files and as
 * {@code logger -s} writes them), lines that start with an ISO-8601 or similar timestamp (Python's
 * {@code logging}, most frameworks), and lines with no timestamp, which continue the row before
 * (the lines of a traceback) or, before any timestamp, get the file's time. Takes any text, so the
 * detector asks it last. With a {@link TextPattern} the lines are matched against it instead.
 */
final class PlainTextFormat implements RowFormat {

    @Override
    public InputFormat kind() {
        return InputFormat.TEXT;
    }

    @Override
    public boolean recognizes(Sample sample) {
        return true;
    }

    @Override
    public RowSink open(FileContext file) {
        TextPattern pattern = file.options().textPattern();
        return pattern == null ? new TextRows(file) : new PatternRows(file, pattern);
    }
}
