package dev.tracelens.archive;

/** Receives the rows of archives in file order, on the thread that called the reader. */
public interface RowHandler {

    /** A good (or repaired) row. The view is only valid during this call. */
    void onRow(RowView row);

    /** A bad row or file; the reader carries on with the next row or file. */
    default void onProblem(Problem problem) {
    }

    /** Called before the first row of each archive file. */
    default void onArchiveStart(String archive, long sizeBytes) {
    }

    /** Called after the last row of each archive file (also when it was damaged). */
    default void onArchiveEnd(ArchiveSummary summary) {
    }
}
