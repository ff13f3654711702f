package dev.tracelens.report;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes one report as a stream: {@link #begin} once, {@link #group} per group in report order,
 * {@link #end} once. A writer keeps at most the group it is writing (plus small counters), so
 * a report of 10,000 groups needs no more memory than one of ten.
 *
 * <p>{@link #close()} releases what the writer holds (e.g. a spool file) without finishing the
 * report; it does not close the output stream the writer was given.
 */
public interface ReportWriter extends Closeable {
    void begin(ReportHeader header) throws IOException;

    void group(ReportGroup group) throws IOException;

    /** Finishes the document and flushes it to the output. */
    void end() throws IOException;

    @Override
    default void close() throws IOException {
    }
}
