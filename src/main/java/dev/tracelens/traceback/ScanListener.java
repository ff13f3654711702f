package dev.tracelens.traceback;

import dev.tracelens.archive.ArchiveSummary;
import dev.tracelens.archive.Problem;

/** What a {@link TracebackScanner} reports, on the scanning thread, in input order. */
public interface ScanListener {

    /** A rebuilt traceback, emitted once it is complete (or cut off). */
    void onTraceback(Traceback traceback);

    /** A bad row or file; the scan goes on. */
    default void onProblem(Problem problem) {
    }

    /** Before the first row of an archive file. */
    default void onArchiveStart(String archive, long sizeBytes) {
    }

    /**
     * After the last row of an archive file. Tracebacks still open at this point (they may go on
     * in the next file) are not emitted yet.
     */
    default void onArchiveEnd(ArchiveSummary summary) {
    }
}
