package dev.tracelens.report;

import java.io.IOException;

/**
 * What every report writer does alike: holds callers to the order begin, groups, end, and keeps
 * the running totals (groups, occurrences) that the end of a report states. Subclasses only
 * write; the counting lives here once so the formats cannot disagree on it.
 */
abstract class OrderedReportWriter implements ReportWriter {
    private boolean begun;
    private long groups;
    private long occurrences;

    @Override
    public final void begin(ReportHeader header) throws IOException {
        begun = true;
        writeBegin(header);
    }

    @Override
    public final void group(ReportGroup group) throws IOException {
        requireBegun();
        groups++;
        occurrences += group.count();
        writeGroup(group, groups);
    }

    @Override
    public final void end() throws IOException {
        requireBegun();
        writeEnd(groups, occurrences);
    }

    /** The start of the document. */
    abstract void writeBegin(ReportHeader header) throws IOException;

    /** One group; {@code rank} counts from 1 in report order. */
    abstract void writeGroup(ReportGroup group, long rank) throws IOException;

    /** The end of the document, with the totals of all groups written; flushes the output. */
    abstract void writeEnd(long groups, long occurrences) throws IOException;

    private void requireBegun() {
        if (!begun) {
            throw new IllegalStateException("begin() was not called");
        }
    }
}
