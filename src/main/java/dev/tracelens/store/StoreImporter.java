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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports archives into a {@link TracebackStore}: streams tracebacks from the engine into the
 * index and commits once per archive, together with the archive's registry entry.
 *
 * <p>Crash safety rests on three rules. (1) An archive's registry entry is committed only after
 * every traceback read from it up to its end; tracebacks still open at its end (they go on in the
 * next file) are committed with the next archive, and the last archive of a scan is registered
 * only after the scan has flushed its open tracebacks. (2) Documents are keyed by the header
 * row's id, so writing a traceback twice updates it. (3) A scan of archives that are not yet
 * registered starts one archive early, with the (registered) archive before them, so that
 * tracebacks that crossed the boundary are rebuilt whole; what that "warm-up" archive yields by
 * its own end is already stored and is not written again. Killed at any moment, the store opens
 * at its last commit and the next import of the same files finishes the job.
 */
public final class StoreImporter {

    /** Per-file facts known before scanning. */
    private record FileFacts(Path path, String name, long size, long lastModified, String checksum) {
    }

    private final TracebackStore store;
    private final ArchiveScan scan;
    private final ArchiveRegistry registry;

    public StoreImporter(TracebackStore store, int contextRows) {
        this(store, ArchiveScan.engine(contextRows));
    }

    public StoreImporter(TracebackStore store, ArchiveScan scan) {
        this.store = store;
        this.scan = scan;
        this.registry = new ArchiveRegistry(store);
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
            Map<String, ArchiveRecord> known = registry.byName();
            List<FileFacts> facts = new ArrayList<>(archives.size());
            boolean[] needed = new boolean[archives.size()];
            List<ArchiveRecord> skipped = new ArrayList<>();
            List<ArchiveRecord> touched = new ArrayList<>();
            for (int i = 0; i < archives.size(); i++) {
                Path file = archives.get(i);
                ArchiveRecord old = known.get(file.getFileName().toString());
                FileFacts f = facts(file, old);
                facts.add(f);
                needed[i] = old == null || !old.complete() || old.sizeBytes() != f.size()
                        || !old.checksum().equals(f.checksum());
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
                    FileFacts warmUp = i > 0 ? facts.get(i - 1) : null;
                    session.scanRun(warmUp, run);
                    i = end + 1;
                }
            } catch (UncheckedIOException | IOException | AlreadyClosedException e) {
                store.rollbackToLastCommit();
                Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
                throw new StoreException("Import failed while writing the store at " + store.path() + ": "
                        + TracebackStore.describe(cause) + ". The store is unchanged since its last commit ("
                        + session.imported.size() + " archive(s) of this import were committed);"
                        + " run the import again once the cause is fixed.", e);
            } catch (RuntimeException e) {
                // Cancelled, or the engine failed: nothing half-done stays; the last commit is the store.
                store.rollbackToLastCommit();
                throw e;
            }
            return new ImportResult(session.imported, skipped, session.failed, session.written, session.problems,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * Name, size and mtime of the file; the SHA-256 only when the quick check (same size and mtime
     * as registered) does not already prove it unchanged, because hashing reads the whole file.
     */
    private static FileFacts facts(Path file, ArchiveRecord old) {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            long mtime = Files.getLastModifiedTime(file).toMillis();
            if (old != null && old.complete() && old.sizeBytes() == size && old.lastModified() == mtime) {
                return new FileFacts(file, name, size, mtime, old.checksum());
            }
            return new FileFacts(file, name, size, mtime, ArchiveFiles.sha256(file));
        } catch (IOException e) {
            // The engine reports the unreadable file as a problem; it is registered as incomplete.
            return new FileFacts(file, name, -1, 0, "");
        }
    }

    /** The state of one import: receives the engine's callbacks for each run of archives. */
    private final class Session implements ScanListener {
        private final ImportListener listener;
        private final List<ArchiveRecord> imported = new ArrayList<>();
        private final List<ArchiveRecord> failed = new ArrayList<>();
        private long written;
        private long problems;
        private Map<String, FileFacts> byName = Map.of();
        private String warmUpName;
        private boolean inWarmUp;
        private String lastName;
        private ArchiveSummary lastSummary;
        private String current = "";
        private IndexWriter writer;

        Session(ImportListener listener) {
            this.listener = listener;
        }

        void scanRun(FileFacts warmUp, List<FileFacts> run) throws IOException {
            writer = store.writer();
            byName = new HashMap<>();
            List<Path> paths = new ArrayList<>(run.size() + 1);
            if (warmUp != null) {
                paths.add(warmUp.path());
                byName.put(warmUp.name(), warmUp);
                byName.put(warmUp.path().toString(), warmUp);
            }
            for (FileFacts f : run) {
                paths.add(f.path());
                byName.put(f.name(), f);
                byName.put(f.path().toString(), f);
            }
            warmUpName = warmUp == null ? null : warmUp.name();
            lastName = run.getLast().name();
            lastSummary = null;
            scan.scan(paths, this, (archive, read, size, rows) ->
                    listener.onProgress(archive, read, size, rows, written));
            if (lastSummary != null) {
                register(lastSummary);
            }
        }

        @Override
        public void onArchiveStart(String archive, long sizeBytes) {
            FileFacts f = facts(archive);
            current = f == null ? archive : f.name();
            inWarmUp = current.equals(warmUpName);
        }

        @Override
        public void onTraceback(Traceback traceback) {
            if (inWarmUp) {
                return;
            }
            try {
                writer.updateDocument(TracebackDocuments.key(traceback.firstId()),
                        store.documents().toDocument(traceback));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written++;
        }

        @Override
        public void onProblem(Problem problem) {
            if (!inWarmUp) {
                problems++;
                listener.onProblem(problem);
            }
        }

        @Override
        public void onArchiveEnd(ArchiveSummary summary) {
            if (inWarmUp) {
                inWarmUp = false;
                return;
            }
            FileFacts f = facts(summary.archive());
            if (f != null && f.name().equals(lastName)) {
                // Registered once the scan has emitted the tracebacks still open at its end.
                lastSummary = summary;
                return;
            }
            try {
                register(summary);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void register(ArchiveSummary summary) throws IOException {
            FileFacts f = facts(summary.archive());
            String name = f == null ? summary.archive() : f.name();
            ArchiveRecord record = new ArchiveRecord(name, f == null ? summary.archive() : f.path().toString(),
                    f == null ? summary.fileBytes() : f.size(), f == null ? 0 : f.lastModified(),
                    f == null ? "" : f.checksum(), summary.rows(), summary.badRows(), 0,
                    summary.complete() && f != null && f.size() >= 0, Instant.now());
            // A file that is not there is not an archive to remember; a damaged one is registered as
            // incomplete (so that `archives` shows it) and read again next time.
            if (f == null || f.size() >= 0) {
                writer.updateDocument(ArchiveRegistry.key(name), registry.toDocument(record));
            }
            store.commit();
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
