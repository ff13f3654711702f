package dev.tracelens.store.opensearch;

import dev.tracelens.archive.ArchiveReader;
import dev.tracelens.archive.ArchiveSummary;
import dev.tracelens.archive.Problem;
import dev.tracelens.store.FileFacts;
import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.store.ArchiveScan;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ImportResult;
import dev.tracelens.store.StoreException;
import dev.tracelens.traceback.ScanListener;
import dev.tracelens.traceback.Traceback;

import java.io.IOException;
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
 * Imports archives into a team index with the embedded store's bookkeeping (ADR 0006): tracebacks
 * stream into {@link BulkIndexer} keyed {@code firstId/ordinal} (so a re-import or a second writer
 * replaces, never adds); at each archive's end the tracebacks still open are written in their
 * provisional version, the bulk is flushed, and only then the archive's registry document is
 * written (with a refresh), so the registry never names an archive whose tracebacks are not all
 * there. A run of new archives starts with the registered ones it needs as warm-up, from the
 * previous archive's {@code pendingFrom}, when their files are still where the registry says.
 */
final class OpenSearchImporter {
    private final OpenSearchTracebackIndex index;
    private final ArchiveScan scan;
    private final long bulkBytes;

    OpenSearchImporter(OpenSearchTracebackIndex index, ArchiveScan scan, long bulkBytes) {
        this.index = index;
        this.scan = scan;
        this.bulkBytes = bulkBytes;
    }

    ImportResult importPaths(List<Path> filesOrFolders, ImportListener listener) {
        try {
            return importArchives(ArchiveReader.archivesIn(filesOrFolders), listener);
        } catch (IOException e) {
            throw new StoreException("Cannot list the archives in " + filesOrFolders + ": " + e.getMessage(), e);
        }
    }

    ImportResult importArchives(List<Path> archives, ImportListener listener) {
        long started = System.nanoTime();
        long before = index.tracebackCount();
        Map<String, ArchiveRecord> known = index.registry();
        List<FileFacts> facts = new ArrayList<>();
        boolean[] needed = new boolean[archives.size()];
        List<ArchiveRecord> skipped = new ArrayList<>();
        for (int i = 0; i < archives.size(); i++) {
            ArchiveRecord old = known.get(archives.get(i).getFileName().toString());
            FileFacts f = FileFacts.of(archives.get(i), old);
            facts.add(f);
            needed[i] = old == null || !old.complete() || old.sizeBytes() != f.size() || !old.checksum().equals(f.checksum());
            if (!needed[i]) {
                skipped.add(old);
                listener.onSkipped(old);
            }
        }
        Session session = new Session(listener);
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
        index.refresh();
        return new ImportResult(session.imported, skipped, session.failed, session.written, session.problems,
                Duration.ofNanos(System.nanoTime() - started), before, index.tracebackCount());
    }

    private final class Session implements ScanListener {
        private final ImportListener listener;
        private final List<ArchiveRecord> imported = new ArrayList<>();
        private final List<ArchiveRecord> failed = new ArrayList<>();
        private final Set<String> provisional = new HashSet<>();
        private final BulkIndexer bulk;
        private long written;
        private long problems;
        private Map<String, FileFacts> byName = Map.of();
        private Set<String> warmUpNames = Set.of();
        private boolean inWarmUp;
        private String current = "";

        Session(ImportListener listener) {
            this.listener = listener;
            this.bulk = new BulkIndexer(index.connection(), bulkBytes, (docs, bytes, retries) -> { });
        }

        void scanRun(List<FileFacts> warmUp, List<FileFacts> run) {
            byName = new HashMap<>();
            warmUpNames = new HashSet<>();
            List<Path> paths = new ArrayList<>();
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
            scan.scan(paths, this, (archive, read, size, rows) -> listener.onProgress(archive, read, size, rows, written));
            bulk.flush();
        }

        @Override
        public void onArchiveStart(String archive, long sizeBytes) {
            FileFacts f = facts(archive);
            current = f == null ? archive : f.name();
            inWarmUp = warmUpNames.contains(current);
        }

        @Override
        public void onTraceback(Traceback t) {
            if (inWarmUp) {
                return;
            }
            String key = OpenSearchTracebackIndex.keyOf(t.firstId(), t.ordinal());
            if (current == null && provisional.contains(key)) {
                return;
            }
            bulk.index(key, index.documents().source(t));
            if (!provisional.remove(key)) {
                written++;
            }
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
                String key = OpenSearchTracebackIndex.keyOf(t.firstId(), t.ordinal());
                bulk.index(key, index.documents().source(t));
                if (provisional.add(key)) {
                    written++;
                }
                String header = t.archive() == null ? "" : t.archive();
                if (pendingFrom == null || header.compareTo(pendingFrom) < 0) {
                    pendingFrom = header;
                }
            }
            bulk.flush();
            FileFacts f = facts(summary.archive());
            String name = f == null ? summary.archive() : f.name();
            ArchiveRecord record = new ArchiveRecord(name, f == null ? summary.archive() : f.path().toString(),
                    f == null ? summary.fileBytes() : f.size(), f == null ? 0 : f.lastModified(),
                    f == null ? "" : f.checksum(), summary.rows(), summary.badRows(), 0,
                    summary.complete() && f != null && f.size() >= 0, Instant.now(), pendingFrom);
            if (f == null || f.size() >= 0) {
                index.register(record);
            }
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
