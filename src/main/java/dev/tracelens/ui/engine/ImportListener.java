package dev.tracelens.ui.engine;

import dev.tracelens.archive.ArchiveSummary;
import dev.tracelens.archive.Problem;

/** What an import reports, on the importing thread. Implementations must be cheap. */
public interface ImportListener {
    ImportListener NONE = new ImportListener() { };

    /** Bytes read (as on disk) of the current file and rows so far; a few times a second. */
    default void onProgress(String archive, long fileBytesRead, long fileSize, long rowsSoFar) {
    }

    default void onProblem(Problem problem) {
    }

    /** A file was read to its end and what it held is committed (visible to queries). */
    default void onArchiveCommitted(ArchiveSummary summary) {
    }

    /** A file was skipped because the store already holds it unchanged. */
    default void onArchiveSkipped(String archive) {
    }
}
