package dev.tracelens.archive;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Reads one file: starts a {@link ChunkProducer} thread to read and decompress it, picks the
 * file's {@link RowFormat} from the first decoded chunk ({@link FormatDetector}), feeds the chunks
 * to that format's {@link RowSink} on the calling thread, turns every failure into a
 * {@link Problem}, and always stops the producer thread before returning or throwing.
 */
final class ArchiveFileRead {
    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long STOP_WAIT_MILLIS = 10_000;

    private final Path file;
    private final String name;
    private final RowHandler handler;
    private final ReadProgress progress;
    private final ReaderOptions options;
    private final SourceTable sources;
    private final Chunk[] pool;
    private final long rowsBefore;
    private RowSink sink;
    /** The first bytes of the file until the format is known. */
    private byte[] head = new byte[0];
    private int headLength;
    private boolean nulsReported;
    private long size;
    private long fileMillis;
    private long diskBytes;
    private long decodedBytes;
    private long lastProgress;
    private boolean producerStopped = true;

    ArchiveFileRead(Path file, RowHandler handler, ReadProgress progress, ReaderOptions options,
                    SourceTable sources, Chunk[] pool, long rowsBefore) {
        this.file = file;
        this.name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        this.handler = handler;
        this.progress = progress;
        this.options = options;
        this.sources = sources;
        this.pool = pool;
        this.rowsBefore = rowsBefore;
    }

    /** Whether the producer thread ended, so that the chunk pool may be used again. */
    boolean producerStopped() {
        return producerStopped;
    }

    ArchiveSummary run() {
        try {
            size = Files.size(file);
            fileMillis = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException | SecurityException e) {
            size = 0;
            fileMillis = 0;
        }
        handler.onArchiveStart(name, size);
        InputStream in;
        try {
            in = open();
        } catch (IOException | SecurityException e) {
            fileProblem(Problem.Kind.UNREADABLE_FILE, e.getMessage());
            return end(false);
        }
        progress.update(name, 0, size, rowsBefore);
        boolean complete = readAll(in);
        return end(complete);
    }

    private InputStream open() throws IOException {
        if (Files.notExists(file)) {
            throw new IOException("no such file: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new IOException("is a folder, not an archive file: " + file);
        }
        try {
            return new FileInputStream(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private boolean readAll(InputStream in) {
        BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(pool.length);
        BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(pool.length + 1); // + the terminal chunk
        for (Chunk chunk : pool) {
            free.add(chunk);
        }
        ChunkProducer producer = new ChunkProducer(in, free, full);
        Thread thread;
        try {
            thread = Thread.ofPlatform().daemon().name("tracelens-inflate " + name).start(producer);
        } catch (RuntimeException | Error e) {
            closeQuietly(in);
            throw e;
        }
        producerStopped = false;
        try {
            while (true) {
                Chunk chunk = next(full);
                diskBytes = chunk.diskBytes;
                if (chunk.terminal) {
                    return atEnd(chunk);
                }
                if (!take(chunk)) {
                    return false;
                }
                free.add(chunk);
                reportProgress(false);
            }
        } finally {
            stop(thread, producer);
        }
    }

    /** One decoded chunk; false when the file turned out not to be (or no longer be) a log. */
    private boolean take(Chunk chunk) {
        if (sink == null) {
            // The format is told from the first 64 KiB (one chunk at the default size): gather them.
            if (headLength + chunk.length > head.length) { // doubling: small chunks would copy the head once each
                head = Arrays.copyOf(head, Math.max(headLength + chunk.length, 2 * head.length));
            }
            System.arraycopy(chunk.buffer, 0, head, headLength, chunk.length);
            headLength += chunk.length;
            decodedBytes += chunk.length;
            return headLength < Sample.MAX_BYTES || start();
        }
        int length = chunk.length;
        if (FormatDetector.binaryReason(chunk.buffer, 0, length) != null) {
            return binaryTail(chunk);
        }
        watchNuls(chunk.buffer, length);
        decodedBytes += length;
        sink.accept(chunk.buffer, length);
        return true;
    }

    /** Picks the format from the first bytes gathered and reads them; false for a binary file. */
    private boolean start() {
        byte[] a = head;
        int length = headLength;
        head = new byte[0];
        headLength = 0;
        int from = length >= 3 && (a[0] & 0xFF) == 0xEF && (a[1] & 0xFF) == 0xBB && (a[2] & 0xFF) == 0xBF ? 3 : 0;
        if (from > 0) { // a UTF-8 byte order mark is not part of the first line
            System.arraycopy(a, from, a, 0, length - from);
            length -= from;
        }
        String binary = FormatDetector.binaryReason(a, 0, length);
        if (binary != null) {
            fileProblem(Problem.Kind.UNREADABLE_FILE, "not a log file (nor a Papertrail archive): " + binary);
            return false;
        }
        RowFormat format = FormatDetector.choose(options.inputFormat(), a, length);
        long identity = SyntheticIds.identity(a, 0, length, name);
        sink = format.open(new FileContext(name, handler, sources, options, identity, fileMillis));
        watchNuls(a, length);
        sink.accept(a, length);
        return true;
    }

    private void watchNuls(byte[] a, int length) {
        if (!nulsReported && FormatDetector.hasNul(a, 0, length)) {
            nulsReported = true;
            sink.reportNuls();
        }
    }

    /**
     * A chunk after the first that holds binary data: the file was a log up to here (a log with
     * junk appended, a disk image after a crash). The lines before the first control byte are
     * read; the rest is reported, not read as thousands of junk rows.
     */
    private boolean binaryTail(Chunk chunk) {
        int control = FormatDetector.firstControl(chunk.buffer, 0, chunk.length);
        int lastNewline = -1;
        for (int i = Math.max(control, 0) - 1; i >= 0; i--) {
            if (chunk.buffer[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline >= 0) {
            sink.accept(chunk.buffer, lastNewline + 1);
        }
        sink.dropPartialLine();
        long at = decodedBytes + lastNewline + 1;
        fileProblem(Problem.Kind.NOT_A_LOG, "the file turns into binary data at decoded byte " + at
                + ", after line " + sink.lineNumber() + "; read lines 1-" + sink.lineNumber() + " (" + sink.rows()
                + " rows), not the rest");
        decodedBytes += chunk.length;
        return false;
    }

    private Chunk next(BlockingQueue<Chunk> full) {
        if (Thread.currentThread().isInterrupted()) {
            throw cancelled();
        }
        try {
            return full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        }
    }

    private boolean atEnd(Chunk end) {
        Throwable failure = end.failure;
        if (sink == null && headLength > 0 && !start()) {
            return false;
        }
        if (failure == null || Compression.isTrailingData(failure)) {
            if (sink != null) {
                sink.finish();
            }
            if (failure != null) {
                fileProblem(Problem.Kind.TRAILING_DATA, "data after the end of the " + end.compression.label()
                        + " data, ignored (the " + rows() + " rows before it were read): the file may be two files"
                        + " joined, or damaged at its end");
            }
            if (rows() == 0 && badRows() == 0) {
                fileProblem(Problem.Kind.EMPTY_FILE, decodedBytes == 0
                        ? (end.compression == Compression.NONE ? "empty file (0 bytes)"
                        : "empty file (" + end.compression.label() + " data that decompresses to 0 bytes)")
                        : "empty file (no rows, only blank lines)");
            }
            return true;
        }
        if (end.compression == Compression.ZSTD) {
            fileProblem(Problem.Kind.UNREADABLE_FILE, failure.getMessage()); // recognised, not read: no "corrupt" here
            return false;
        }
        long lines = sink == null ? 0 : sink.lineNumber();
        boolean dropped = sink != null && sink.dropPartialLine();
        String cause = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String kept = lines == 0 ? "; nothing before it could be read"
                : "; read lines 1-" + lines + " before it and kept their " + rows() + " rows"
                + (dropped ? "; dropped the partial line " + (lines + 1) + " where the data ends" : "");
        if (end.compression == Compression.GZIP) {
            fileProblem(Problem.Kind.DAMAGED_GZIP, "gzip data is truncated or corrupt after " + decodedBytes
                    + " decoded bytes (" + cause + ")" + kept);
        } else if (end.compression == Compression.NONE) {
            fileProblem(Problem.Kind.UNREADABLE_FILE, "read failed after " + decodedBytes + " bytes (" + cause + ")" + kept);
        } else {
            fileProblem(Problem.Kind.UNREADABLE_FILE, end.compression.label() + " data is truncated or corrupt after "
                    + decodedBytes + " decoded bytes (" + cause + ")" + kept);
        }
        return false;
    }

    private long rows() {
        return sink == null ? 0 : sink.rows();
    }

    private long badRows() {
        return sink == null ? 0 : sink.badRows();
    }

    /** Stops the producer and waits for it, keeping the caller's interrupt status. */
    private void stop(Thread thread, ChunkProducer producer) {
        producer.stop();
        thread.interrupt();
        boolean interrupted = Thread.interrupted();
        try {
            thread.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        producerStopped = !thread.isAlive();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private CancellationException cancelled() {
        return new CancellationException("reading " + name + " was cancelled");
    }

    private void reportProgress(boolean force) {
        long now = System.nanoTime();
        if (force || now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
            lastProgress = now;
            progress.update(name, diskBytes, size, rowsBefore + rows());
        }
    }

    private void fileProblem(Problem.Kind kind, String detail) {
        handler.onProblem(new Problem(name, 0, kind, detail));
    }

    private ArchiveSummary end(boolean complete) {
        reportProgress(true);
        ArchiveSummary summary = new ArchiveSummary(name, rows(), badRows(), diskBytes, decodedBytes, complete);
        handler.onArchiveEnd(summary);
        return summary;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read from it
        }
    }
}
