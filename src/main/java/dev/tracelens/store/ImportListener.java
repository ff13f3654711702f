package dev.tracelens.store;

import dev.tracelens.archive.Problem;

/** What an import reports as it goes, on the importing thread. All methods are optional. */
public interface ImportListener {
    ImportListener NONE = new ImportListener() { };

    /** An archive left out because the registry already holds it unchanged. */
    default void onSkipped(ArchiveRecord archive) {
    }

    /**
     * An archive whose tracebacks are now committed; {@link ArchiveRecord#complete()} is false
     * when it could not be read to its end (it is read again next time).
     */
    default void onImported(ArchiveRecord archive) {
    }

    /** A bad row or file; the import goes on. */
    default void onProblem(Problem problem) {
    }

    /** Progress within the current archive; called a few times a second at most. */
    default void onProgress(String archive, long fileBytesRead, long fileSize, long rows, long tracebacks) {
    }
}
