package dev.tracelens.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams the rows of Papertrail archives ({@code .tsv.gz}, possibly several concatenated gzip
 * members, or plain {@code .tsv}; gzip is detected by magic bytes, not by name).
 *
 * <p>SKELETON: the implementation lands with the archive work.
 */
public final class ArchiveReader {

    /**
     * Reads the files in the order given, calling the handler on the calling thread. Problems
     * never stop the read: a bad row is reported and skipped, a bad file reported and the next
     * one read. Sources are interned across all files of one reader.
     *
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted
     */
    public List<ArchiveSummary> read(List<Path> files, RowHandler handler, ReadProgress progress) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Expands files and folders (recursively) into the archive files to read, in time order
     * (Papertrail names {@code YYYY-MM-DD-HH.tsv.gz} sort chronologically by name).
     */
    public static List<Path> archivesIn(List<Path> filesOrFolders) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
