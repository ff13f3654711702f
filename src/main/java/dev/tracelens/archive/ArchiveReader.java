package dev.tracelens.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Streams the rows of log files: Papertrail archives ({@code .tsv.gz}), JSON lines and plain-text
 * logs, each plain or compressed with gzip (all members), bzip2 or xz. Both the row format and the
 * compression are told per file by its bytes, never by its name.
 *
 * <p>For each file a daemon thread reads and inflates the file into a few pooled 1 MiB chunks
 * while the calling thread splits them into rows and calls the handler, so a read uses two
 * cores and little memory whatever the file size. Rows are parsed as bytes: no String is made
 * for a row unless the handler asks for its message.
 *
 * <p>Bad input never ends a read: a missing, unreadable or binary file, damaged gzip data, and
 * bad rows become {@link Problem}s given to the handler, the good rows before and after are kept,
 * and the next file is read.
 *
 * <p>One reader interns sources across all the files and reads it makes; it is not thread-safe:
 * use it from one thread at a time.
 */
public final class ArchiveReader {
    private final ReaderOptions options;
    private final SourceTable sources = new SourceTable();
    private Chunk[] pool;

    public ArchiveReader() {
        this(ReaderOptions.defaults());
    }

    public ArchiveReader(ReaderOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Reads the files in the order given, calling the handler on the calling thread. Problems
     * never stop the read: a bad row is reported and skipped, a bad file reported and the next
     * one read. Sources are interned across all files of one reader. {@code rowsSoFar} in the
     * progress counts the rows of all files of this call.
     *
     * <p>An exception thrown by the handler ends the read (after stopping the helper thread)
     * and is passed on.
     *
     * @return a summary per file, in the order read
     * @throws CancellationException if the calling thread is interrupted (its interrupt status
     *                               stays set); the helper thread has stopped when it is thrown
     */
    public List<ArchiveSummary> read(List<Path> files, RowHandler handler, ReadProgress progress) {
        Objects.requireNonNull(handler, "handler");
        ReadProgress p = progress == null ? ReadProgress.NONE : progress;
        List<ArchiveSummary> summaries = new ArrayList<>(files.size());
        long rows = 0;
        for (Path file : files) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("reading archives was cancelled");
            }
            ArchiveFileRead read = new ArchiveFileRead(file, handler, p, options, sources, pool(), rows);
            try {
                ArchiveSummary summary = read.run();
                summaries.add(summary);
                rows += summary.rows();
            } finally {
                if (!read.producerStopped()) {
                    pool = null; // a helper thread that would not stop may still write into these chunks
                }
            }
        }
        return List.copyOf(summaries);
    }

    /** The sources interned so far, by {@link Source#index()}. */
    public List<Source> sources() {
        return sources.sources();
    }

    /**
     * Expands files and folders (recursively) into the archive files to read, in time order
     * (Papertrail names {@code YYYY-MM-DD-HH.tsv.gz} sort chronologically by name).
     *
     * <p>Folders give their regular files with log names ({@link #isArchiveName}), skipping hidden
     * files and folders. Files are taken as given, whatever their name; a path that does not
     * exist is kept too, so that {@link #read} reports it ({@link Problem.Kind#UNREADABLE_FILE})
     * and goes on with the others. The whole list is sorted by file name (then full path), so
     * archives from several folders interleave in time order; a path named twice appears once.
     *
     * @throws IOException if a folder cannot be listed
     */
    public static List<Path> archivesIn(List<Path> filesOrFolders) throws IOException {
        return ArchiveListing.archivesIn(filesOrFolders);
    }

    /**
     * Whether a file's name says it is a log ({@code .tsv.gz}, {@code .gz}, {@code .tsv}, {@code .jl},
     * {@code .jsonl}, {@code .ndjson}, {@code .log}, {@code .txt}, compressed or not); the rule
     * {@link #archivesIn} picks files in folders by. What a file holds is told by its bytes.
     */
    public static boolean isArchiveName(Path file) {
        return ArchiveListing.isArchiveName(file);
    }

    /** Whether {@link #archivesIn} would find a log file in this folder; stops at the first one. */
    public static boolean hasLogFiles(Path folder) throws IOException {
        return ArchiveListing.hasLogFiles(folder);
    }

    /**
     * The problem to report for a folder in which {@link #archivesIn} found no log file
     * ({@link Problem.Kind#NO_LOG_FILES}), naming what it looked for.
     */
    public static Problem noLogFilesIn(Path folder) {
        return new Problem(folder.toString(), 0, Problem.Kind.NO_LOG_FILES,
                "no archives or log files in this folder or its subfolders (looked for " + ArchiveListing.LOOKED_FOR + ")");
    }

    /**
     * The row format a file holds, told from its first 64 KiB as {@link #read} tells it (after any
     * compression), or empty when it cannot be read or is not a log (binary, empty).
     */
    public static java.util.Optional<InputFormat> formatOf(Path file) {
        try (java.io.BufferedInputStream raw = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16)) {
            byte[] magic = new byte[Compression.MAGIC_BYTES];
            raw.mark(magic.length);
            int m = raw.readNBytes(magic, 0, magic.length);
            raw.reset();
            try (java.io.InputStream in = Compression.of(magic, m).decode(raw)) {
                byte[] head = in.readNBytes(Sample.MAX_BYTES);
                if (head.length == 0 || FormatDetector.binaryReason(head, 0, head.length) != null) {
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(FormatDetector.choose(InputFormat.AUTO, head, head.length).kind());
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private Chunk[] pool() {
        if (pool == null) {
            pool = new Chunk[options.chunksInFlight()];
            for (int i = 0; i < pool.length; i++) {
                pool[i] = new Chunk(options.chunkBytes());
            }
        }
        return pool;
    }
}
