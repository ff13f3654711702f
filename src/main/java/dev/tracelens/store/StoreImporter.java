package dev.tracelens.store;

import dev.tracelens.archive.ArchiveReader;
import dev.tracelens.archive.ArchiveSummary;
import dev.tracelens.archive.Problem;
import dev.tracelens.traceback.ScanListener;
import dev.tracelens.traceback.Traceback;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.AlreadyClosedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Imports archives into a {@link TracebackStore}: streams tracebacks from the engine into the
 * index and commits once per archive, together with the archive's registry entry.
 *
 * <p>Crash safety (ADR 0006): an archive is registered only in the commit that holds every
 * traceback whose header row is in it. (1) At each archive's end the tracebacks still open (they
 * may go on in the next file) are written as provisional, truncated versions, exactly what a scan
 * ending there would give, and the archive's record names the earliest archive holding such an
 * open header ({@link ArchiveRecord#pendingFrom()}). (2) Documents are keyed by the header row
 * ({@link TracebackDocuments#key}), so the complete version written later replaces the
 * provisional one. (3) A scan of archives that are not yet registered starts early, with the
 * registered archives from the previous one's {@code pendingFrom} (or just the previous one, for
 * context), so that tracebacks that crossed the boundary, even while their host was silent for a
 * whole archive, are rebuilt whole; what those "warm-up" archives yield by their own end is
 * already stored and is not written again. Killed at any moment, the store opens at its last
 * commit, which equals a clean import of the archives registered in it, and the next import of
 * the same files finishes the job.
 */
public final class StoreImporter {

    private final TracebackStore store;
    private final ArchiveScan scan;
    private final ArchiveRegistry registry;
    private int writerThreads = DocumentWriters.defaultThreads();

    public StoreImporter(TracebackStore store, int contextRows) {
        this(store, ArchiveScan.engine(contextRows));
    }

    public StoreImporter(TracebackStore store, ArchiveScan scan) {
        this.store = store;
        this.scan = scan;
        this.registry = new ArchiveRegistry(store);
    }

    /** How many threads build and write documents beside the scan (default: the cores beside the reader's two, 1 to 4). */
    public StoreImporter withWriterThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("writer threads must be 1 or more, not " + threads);
        }
        this.writerThreads = threads;
        return this;
    }

    /** Imports the archives in these files and folders (folders recursively, in time order). */
    public ImportResult importPaths(List<Path> filesOrFolders, ImportListener listener) {
        List<Path> archives;
        try {
            archives = ArchiveReader.archivesIn(filesOrFolders);
        } catch (IOException e) {
            throw new StoreException("Cannot list the archives in " + filesOrFolders + ": "
                    + TracebackStore.describe(e), e);
        }
        return importArchives(archives, listener);
    }

    /**
     * Imports archive files given in time order, skipping those the registry holds unchanged.
     *
     * @throws StoreException when writing fails (e.g. a full disk): the store is left at its last
     *                        commit, i.e. with every archive reported as imported before the failure
     */
    public ImportResult importArchives(List<Path> archives, ImportListener listener) {
        synchronized (store.writeLock()) {
            long started = System.nanoTime();
            long storedBefore = store.tracebackCount();
            Map<String, ArchiveRecord> known = registry.byName();
            List<FileFacts> facts = new ArrayList<>(archives.size());
            boolean[] needed = new boolean[archives.size()];
            List<ArchiveRecord> skipped = new ArrayList<>();
            List<ArchiveRecord> touched = new ArrayList<>();
            for (int i = 0; i < archives.size(); i++) {
                Path file = archives.get(i);
                ArchiveRecord old = known.get(file.getFileName().toString());
                FileFacts f = FileFacts.of(file, old);
                facts.add(f);
                needed[i] = old == null || !old.complete() || old.sizeBytes() != f.size()
                        || !old.checksum().equals(f.checksum())
                        || !old.reading().equals(scan.reading()); // opened another way ("Open as…"): read again
                if (!needed[i]) {
                    skipped.add(old);
                    listener.onSkipped(old);
                    if (old.lastModified() != f.lastModified()) {
                        touched.add(old.withLastModified(f.lastModified()));
                    }
                }
            }
            Session session = new Session(listener);
            try {
                for (ArchiveRecord r : touched) {
                    store.writer().updateDocument(ArchiveRegistry.key(r.name()), registry.toDocument(r));
                }
                if (!touched.isEmpty()) {
                    store.commit();
                }
                int i = 0;
                while (i < archives.size()) {
                    if (!needed[i]) {
                        i++;
                        continue;
                    }
                    int end = i;
                    while (end + 1 < archives.size() && needed[end + 1]) {
                        end++;
                    }
                    List<FileFacts> run = new ArrayList<>(facts.subList(i, end + 1));
                    session.scanRun(FileFacts.warmUp(known, facts, run.getFirst().name()), run);
                    i = end + 1;
                }
            } catch (UncheckedIOException | IOException | AlreadyClosedException e) {
                Throwable tragedy = store.tragedy();
                store.rollbackToLastCommit();
                Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                if (StoreErrors.damage(e) != null || StoreErrors.damage(tragedy) != null) {
                    throw store.damaged(StoreErrors.damage(e) != null ? e : tragedy);
                }
                if (tragedy != null) {
                    cause = tragedy;
                }
                throw new StoreException("Import failed while writing the store at " + store.path() + ": "
                        + StoreErrors.cause(cause) + ". The store is unchanged since its last commit ("
                        + session.imported.size() + " archive(s) of this import were committed);"
                        + " run the import again once the cause is fixed.", e);
            } catch (RuntimeException e) {
                // Cancelled, or the engine failed: nothing half-done stays; the last commit is the store.
                store.rollbackToLastCommit();
                throw e;
            }
            long storedAfter = store.tracebackCount();
            return new ImportResult(session.imported, skipped, session.failed, session.written, session.problems,
                    Duration.ofNanos(System.nanoTime() - started), storedBefore, storedAfter);
        }
    }

    /** The state of one import: receives the engine's callbacks for each run of archives. */
    private final class Session implements ScanListener {
        private final ImportListener listener;
        private final List<ArchiveRecord> imported = new ArrayList<>();
        private final List<ArchiveRecord> failed = new ArrayList<>();
        /** Keys written as provisional versions in this import and not completed yet. */
        private final Set<String> provisional = new HashSet<>();
        private long written;
        private long problems;
        private Map<String, FileFacts> byName = Map.of();
        private Set<String> warmUpNames = Set.of();
        private boolean inWarmUp;
        private boolean uncommitted;
        private String current = "";
        private IndexWriter writer;
        private DocumentWriters documentWriters;

        Session(ImportListener listener) {
            this.listener = listener;
        }

        void scanRun(List<FileFacts> warmUp, List<FileFacts> run) throws IOException {
            writer = store.writer();
            byName = new HashMap<>();
            warmUpNames = new HashSet<>();
            List<Path> paths = new ArrayList<>(warmUp.size() + run.size());
            for (FileFacts f : warmUp) {
                paths.add(f.path());
                byName.put(f.name(), f);
                byName.put(f.path().toString(), f);
                warmUpNames.add(f.name());
            }
            for (FileFacts f : run) {
                paths.add(f.path());
                byName.put(f.name(), f);
                byName.put(f.path().toString(), f);
            }
            uncommitted = false;
            try (DocumentWriters w = new DocumentWriters(writer, store.documents(), writerThreads)) {
                documentWriters = w;
                store.pendingWrites(w::drain);
                scan.scan(paths, this, (archive, read, size, rows) ->
                        listener.onProgress(archive, read, size, rows, written));
                // What the scan flushed at its end are the provisional versions already committed with
                // the last archive; anything else it wrote gets its own commit.
                if (uncommitted) {
                    w.await();
                    store.commit();
                    uncommitted = false;
                }
            } finally {
                store.pendingWrites(null);
                documentWriters = null;
            }
        }

        @Override
        public void onArchiveStart(String archive, long sizeBytes) {
            FileFacts f = facts(archive);
            current = f == null ? archive : f.name();
            inWarmUp = warmUpNames.contains(current);
        }

        @Override
        public void onTraceback(Traceback traceback) {
            if (inWarmUp) {
                return;
            }
            String key = TracebackDocuments.keyOf(traceback);
            if (current == null && provisional.contains(key)) {
                return; // the scan's final flush of a traceback committed provisionally
            }
            write(traceback);
            if (!provisional.remove(key)) {
                written++;
            }
        }

        /** Hands the traceback to the document writers; it is in the writer by the next commit. */
        private void write(Traceback traceback) {
            documentWriters.write(traceback);
            uncommitted = true;
        }

        @Override
        public void onProblem(Problem problem) {
            if (!inWarmUp) {
                problems++;
                listener.onProblem(problem);
            }
        }

        @Override
        public void onArchiveEnd(ArchiveSummary summary, Supplier<List<Traceback>> stillOpen) {
            if (inWarmUp) {
                inWarmUp = false;
                current = null;
                return;
            }
            current = null;
            String pendingFrom = null;
            for (Traceback t : stillOpen.get()) {
                write(t);
                if (provisional.add(TracebackDocuments.keyOf(t))) {
                    written++;
                }
                String header = t.archive() == null ? "" : t.archive();
                if (pendingFrom == null || header.compareTo(pendingFrom) < 0) {
                    pendingFrom = header;
                }
            }
            try {
                register(summary, pendingFrom);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void register(ArchiveSummary summary, String pendingFrom) throws IOException {
            FileFacts f = facts(summary.archive());
            String name = f == null ? summary.archive() : f.name();
            ArchiveRecord record = new ArchiveRecord(name, f == null ? summary.archive() : f.path().toString(),
                    f == null ? summary.fileBytes() : f.size(), f == null ? 0 : f.lastModified(),
                    f == null ? "" : f.checksum(), summary.rows(), summary.badRows(), 0,
                    summary.complete() && f != null && f.size() >= 0, Instant.now(), pendingFrom, scan.reading());
            // A file that is not there is not an archive to remember; a damaged one is registered as
            // incomplete (so that `archives` shows it) and read again next time.
            documentWriters.await();
            if (f == null || f.size() >= 0) {
                writer.updateDocument(ArchiveRegistry.key(name), registry.toDocument(record));
            }
            store.commit();
            uncommitted = false;
            (record.complete() ? imported : failed).add(record);
            listener.onImported(record);
        }

        private FileFacts facts(String archive) {
            FileFacts f = byName.get(archive);
            if (f == null) {
                f = byName.get(Path.of(archive).getFileName().toString());
            }
            return f;
        }
    }
}
