package dev.tracelens.archive;

/**
 * Progress of a read, for progress bars: the current file, bytes of it consumed from disk
 * (compressed) out of its size, and rows so far. Called from the reading thread, a few times a
 * second at most; implementations must be cheap and thread-safe.
 */
@FunctionalInterface
public interface ReadProgress {
    ReadProgress NONE = (archive, fileBytesRead, fileSize, rowsSoFar) -> { };

    void update(String archive, long fileBytesRead, long fileSize, long rowsSoFar);
}
