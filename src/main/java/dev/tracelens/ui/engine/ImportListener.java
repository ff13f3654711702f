package dev.tracelens.ui.engine;

import dev.tracelens.archive.Problem;

/** What an import reports, on the importing thread. Implementations must be cheap. */
public interface ImportListener {
    ImportListener NONE = new ImportListener() { };

    /** Bytes read (as on disk) of the current file, rows and tracebacks so far; a few times a second. */
    default void onProgress(String archive, long fileBytesRead, long fileSize, long rowsSoFar, long tracebacks) {
    }

    default void onProblem(Problem problem) {
    }

    /** A file was read to its end and what it held is committed (visible to queries). */
    default void onArchiveCommitted(String archive, long rows, long badRows, boolean complete) {
    }

    /** A file was skipped because the store already holds it unchanged. */
    default void onArchiveSkipped(String archive) {
    }
}
