package dev.tracelens.archive;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Reads one archive file: starts a {@link ChunkProducer} thread to read and inflate it, parses
 * the chunks on the calling thread, turns every failure into a {@link Problem}, and always stops
 * the producer thread before returning or throwing.
 */
final class ArchiveFileRead {
    /** A NUL in the first bytes means binary data: one file-level problem, not a row per line. */
    private static final int BINARY_SNIFF_BYTES = 4096;
    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long STOP_WAIT_MILLIS = 10_000;

    private final Path file;
    private final String name;
    private final RowHandler handler;
    private final ReadProgress progress;
    private final Chunk[] pool;
    private final long rowsBefore;
    private final RowParser parser;
    private final LineSplitter splitter;
    private long size;
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
        this.pool = pool;
        this.rowsBefore = rowsBefore;
        this.parser = new RowParser(name, handler, sources, options.maxRowBytes());
        this.splitter = new LineSplitter(parser, options.maxRowBytes());
    }

    /** Whether the producer thread ended, so that the chunk pool may be used again. */
    boolean producerStopped() {
        return producerStopped;
    }

    ArchiveSummary run() {
        try {
            size = Files.size(file);
        } catch (IOException | SecurityException e) {
            size = 0;
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
                if (decodedBytes == 0 && looksBinary(chunk)) {
                    fileProblem(Problem.Kind.UNREADABLE_FILE,
                            "not a Papertrail archive: binary data (NUL bytes in the first " + BINARY_SNIFF_BYTES + " bytes)");
                    return false;
                }
                decodedBytes += chunk.length;
                splitter.accept(chunk.buffer, chunk.length);
                free.add(chunk);
                reportProgress(false);
            }
        } finally {
            stop(thread, producer);
        }
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
        if (failure == null) {
            splitter.finish();
            return true;
        }
        long lines = splitter.lineNumber();
        boolean dropped = splitter.dropPartialLine();
        String cause = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String kept = "; kept the " + parser.rows() + " rows before it (lines 1-" + lines + ")"
                + (dropped ? "; dropped the partial line " + (lines + 1) + " where the data ends" : "");
        if (end.gzip) {
            fileProblem(Problem.Kind.DAMAGED_GZIP, "gzip data is truncated or corrupt after " + decodedBytes
                    + " decoded bytes (" + cause + ")" + kept);
        } else {
            fileProblem(Problem.Kind.UNREADABLE_FILE, "read failed after " + decodedBytes + " bytes (" + cause + ")" + kept);
        }
        return false;
    }

    private static boolean looksBinary(Chunk chunk) {
        return Bytes.indexOf(chunk.buffer, 0, Math.min(chunk.length, BINARY_SNIFF_BYTES), (byte) 0) >= 0;
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
            progress.update(name, diskBytes, size, rowsBefore + parser.rows());
        }
    }

    private void fileProblem(Problem.Kind kind, String detail) {
        handler.onProblem(new Problem(name, 0, kind, detail));
    }

    private ArchiveSummary end(boolean complete) {
        reportProgress(true);
        ArchiveSummary summary = new ArchiveSummary(name, parser.rows(), parser.badRows(), diskBytes, decodedBytes, complete);
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
