package dev.tracelens.engine;

import dev.tracelens.archive.Problem;
import dev.tracelens.live.LiveRow;
import dev.tracelens.live.LiveSpool;
import dev.tracelens.live.RowQueue;
import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ImportResult;
import dev.tracelens.store.StoreException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live rows into the store ({@code listen}, {@code tail}, the app's Live toggle): receivers put
 * rows into a bounded {@link RowQueue}; a writer thread appends them to spool segments
 * ({@link LiveSpool}, Papertrail's archive format) and seals a segment every {@code batchRows}
 * rows or {@code batchAge}; an import thread imports each sealed segment through the same
 * {@link ImportService} as archive files, so the same assembler rebuilds tracebacks per source,
 * a traceback open at a segment's end is stored provisionally and completed from the next, and
 * a commit happens per segment (batched). Crash-safe like import (ADR 0014): a row is on disk once
 * its segment is sealed (and in the operating system's hands at every drain); at {@link #start()}
 * half-written segments are sealed and every segment the store has not registered is imported,
 * while registered ones are skipped, so a restart neither loses nor duplicates what was sealed.
 */
public final class LiveService implements AutoCloseable {

    /**
     * @param batchRows a segment is sealed (and committed) at this many rows ...
     * @param batchAge  ... or this long after its first row, whichever comes first
     * @param queueRows most rows waiting in memory; more are dropped and counted
     */
    public record Settings(int batchRows, Duration batchAge, int queueRows) {
        public static final Settings DEFAULT = new Settings(20_000, Duration.ofSeconds(1), RowQueue.DEFAULT_ROWS);

        public Settings {
            if (batchRows < 1 || queueRows < 1 || batchAge.isNegative() || batchAge.isZero()) {
                throw new IllegalArgumentException("batch rows, batch age and queue rows must be positive");
            }
        }
    }

    /**
     * Where live input stands.
     *
     * @param received       rows received (queued or dropped)
     * @param dropped        rows dropped because the queue was full
     * @param queued         rows waiting in memory now
     * @param spooled        rows written to spool segments
     * @param committedRows  rows imported into the store (committed)
     * @param tracebacks     tracebacks written to the store (a provisional one completed later counts once per commit)
     * @param segments       segments imported
     * @param rowsPerSecond  rows received per second over the last seconds
     * @param lastError      the last import error, or null
     */
    public record Status(long received, long dropped, long queued, long spooled, long committedRows, long tracebacks,
                         long segments, double rowsPerSecond, String lastError) {
    }

    /** What a live session reports, on its import thread. */
    public interface Listener {
        Listener NONE = new Listener() { };

        /** A batch (one or more segments) is committed. */
        default void onCommit(Status status, ImportResult result) {
        }

        /** A bad row of a segment (rare: the spool writes well-formed rows). */
        default void onProblem(Problem problem) {
        }

        /** An import failed; its segments are imported again with the next batch and at the next start. */
        default void onError(String message) {
        }
    }

    private static final Path STOP = Path.of("");

    private final ImportService importer;
    private final LiveSpool spool;
    private final Settings settings;
    private final Listener listener;
    private final RowQueue queue;
    private final LinkedBlockingQueue<Path> sealed = new LinkedBlockingQueue<>();
    private final AtomicLong spooled = new AtomicLong();
    private final AtomicLong committedRows = new AtomicLong();
    private final AtomicLong tracebacks = new AtomicLong();
    private final AtomicLong segments = new AtomicLong();
    private volatile String lastError;
    private volatile double rate;
    private volatile boolean stopping;
    private Thread writer;
    private Thread imports;
    private volatile IOException writeFailure;

    /**
     * @param spoolDir where the segments go (e.g. {@link #defaultSpool(Path)} of the store)
     * @param prefix   names the segments of this input ({@code syslog}, {@code papertrail})
     */
    public LiveService(ImportService importer, Path spoolDir, String prefix, Settings settings, Listener listener) {
        this.importer = importer;
        this.spool = new LiveSpool(spoolDir, prefix);
        this.settings = settings;
        this.listener = listener;
        this.queue = new RowQueue(settings.queueRows());
    }

    /** The spool folder beside a store folder: {@code <store>-live}. */
    public static Path defaultSpool(Path storeDir) {
        Path abs = storeDir.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + "-live");
    }

    /** Where receivers put rows. */
    public RowQueue queue() {
        return queue;
    }

    /** The largest row id spooled so far (Papertrail's {@code min_id} to go on from). */
    public long lastId() {
        return spool.lastId();
    }

    public Path spoolDirectory() {
        return spool.directory();
    }

    /**
     * Seals what a crash left half-written, imports every segment the store does not hold yet
     * (on this thread), then starts the writer and import threads.
     */
    public synchronized ImportResult start() throws IOException {
        List<Path> waiting = spool.recover();
        ImportResult caughtUp = waiting.isEmpty() ? null : importSegments(waiting);
        writer = Thread.ofPlatform().name("live spool " + spool.directory()).start(this::writeLoop);
        imports = Thread.ofPlatform().name("live import " + spool.directory()).start(this::importLoop);
        return caughtUp;
    }

    public Status status() {
        return new Status(queue.offered(), queue.dropped(), queue.size(), spooled.get(), committedRows.get(),
                tracebacks.get(), segments.get(), rate, lastError);
    }

    private void writeLoop() {
        List<LiveRow> batch = new ArrayList<>(8192);
        long rateStart = System.nanoTime();
        long rateRows = queue.offered();
        try {
            while (true) {
                batch.clear();
                int n = queue.drain(batch, 8192, 50);
                for (LiveRow row : batch) {
                    spool.append(row);
                }
                spooled.addAndGet(n);
                if (n > 0) {
                    spool.flush();
                }
                long now = System.nanoTime();
                if (now - rateStart >= 1_000_000_000L) {
                    long offered = queue.offered();
                    rate = (offered - rateRows) * 1e9 / (now - rateStart);
                    rateStart = now;
                    rateRows = offered;
                }
                long age = System.currentTimeMillis() - spool.openedMillis();
                if (spool.openRows() >= settings.batchRows()
                        || (spool.openRows() > 0 && age >= settings.batchAge().toMillis())) {
                    sealed.add(spool.seal());
                }
                if (stopping && n == 0 && queue.size() == 0) {
                    break;
                }
            }
            Path last = spool.seal();
            if (last != null) {
                sealed.add(last);
            }
        } catch (IOException e) {
            writeFailure = e;
            lastError = "Cannot write the live spool in " + spool.directory() + ": " + e.getMessage();
            listener.onError(lastError);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sealed.add(STOP);
        }
    }

    private void importLoop() {
        List<Path> retry = new ArrayList<>();
        try {
            while (true) {
                Path first = sealed.take();
                List<Path> batch = new ArrayList<>(retry);
                boolean stop = first == STOP;
                if (!stop) {
                    batch.add(first);
                }
                List<Path> more = new ArrayList<>();
                sealed.drainTo(more);
                for (Path p : more) {
                    if (p == STOP) {
                        stop = true;
                    } else {
                        batch.add(p);
                    }
                }
                if (!batch.isEmpty()) {
                    try {
                        importSegments(batch);
                        retry.clear();
                    } catch (StoreException | UncheckedIOException e) {
                        lastError = e.getMessage();
                        listener.onError(e.getMessage());
                        retry = batch;
                    }
                }
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ImportResult importSegments(List<Path> batch) {
        ImportResult r = importer.importPaths(batch, new ImportListener() {
            @Override
            public void onProblem(Problem problem) {
                listener.onProblem(problem);
            }
        });
        for (ArchiveRecord a : r.imported()) {
            committedRows.addAndGet(a.rows());
        }
        segments.addAndGet(r.imported().size());
        tracebacks.addAndGet(r.tracebacksWritten());
        listener.onCommit(status(), r);
        return r;
    }

    /**
     * Stops: the receivers must be closed first; what is queued is written, sealed and imported
     * before this returns.
     */
    @Override
    public synchronized void close() {
        stopping = true;
        try {
            if (writer != null) {
                writer.join();
            }
            if (imports != null) {
                imports.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writeFailure != null) {
            throw new UncheckedIOException(writeFailure);
        }
    }
}
