package dev.tracelens.store;

import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code store check} and {@code store rebuild}: the way out of a damaged store (a disk error, a
 * file changed behind Tracelens' back). The check reads every file of the last commit back
 * (checksums and every document); the rebuild imports the registered archives that are still on
 * disk into a fresh store next to the old one, then swaps it in.
 */
public final class StoreMaintenance {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private StoreMaintenance() {
    }

    /**
     * Checks the store at {@code dir}; takes its write lock, so it refuses to run while another
     * Tracelens imports into it.
     */
    public static StoreHealth check(Path dir) {
        Path path = dir.toAbsolutePath().normalize();
        String unusable = StoreErrors.unusablePath(path);
        if (unusable != null) {
            throw new StoreException("Cannot check the store at " + path + ": " + unusable);
        }
        if (!Files.isDirectory(path)) {
            throw new StoreException("There is no Tracelens store at " + path);
        }
        try (Directory directory = FSDirectory.open(path)) {
            List<String> problems = new ArrayList<>();
            int version = 0;
            try {
                String v = SegmentInfos.readLatestCommit(directory).getUserData().get(StoreSchema.FORMAT_KEY);
                version = v == null ? 0 : Integer.parseInt(v);
            } catch (IOException | NumberFormatException e) {
                problems.add("the last commit cannot be read: " + StoreErrors.cause(e));
                return new StoreHealth(path, 0, 0, 0, 0, 0, problems);
            }
            CheckIndex.Status status;
            try (CheckIndex checker = new CheckIndex(directory)) {
                checker.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_INTEGRITY_CHECKS);
                status = checker.checkIndex();
            } catch (LockObtainFailedException e) {
                throw new StoreException("The store at " + path + " is in use by another Tracelens; check it"
                        + " when that one is done", e);
            }
            int damaged = 0;
            long lost = 0;
            long documents = 0;
            for (CheckIndex.Status.SegmentInfoStatus s : status.segmentInfos) {
                documents += s.maxDoc;
                if (s.error != null) {
                    damaged++;
                    lost += s.maxDoc;
                    problems.add("segment " + s.name + " (" + s.maxDoc + " documents) is damaged: "
                            + StoreErrors.cause(s.error));
                }
            }
            if (status.missingSegments) {
                problems.add("files of the last commit are missing");
            }
            if (!status.clean && problems.isEmpty()) {
                problems.add("the index did not check clean");
            }
            return new StoreHealth(path, version, status.numSegments, documents, damaged, lost, problems);
        } catch (IOException e) {
            throw new StoreException("Cannot check the store at " + path + ": " + StoreErrors.cause(e), e);
        }
    }

    /**
     * Rebuilds the store at {@code dir} from its archives: the registered ones still at their
     * registered path (or named in {@code moreArchives}, files or folders, e.g. when the registry
     * itself is unreadable or the archives moved) are imported in time order into a fresh store
     * at {@code <dir>.rebuild}; then the old store is moved to {@code <dir>.damaged-<time>} and
     * the fresh one to {@code <dir>}. Until that swap the old store is untouched; a rebuild that
     * fails leaves it where it was.
     */
    public static RebuildResult rebuild(Path dir, List<Path> moreArchives, int contextRows, ImportListener listener) {
        return rebuild(dir, moreArchives, contextRows, dev.tracelens.traceback.TraceOptions.DEFAULT, listener);
    }

    /** As above, rebuilding traces as {@code tracing} says (languages, in-app prefixes). */
    public static RebuildResult rebuild(Path dir, List<Path> moreArchives, int contextRows,
                                        dev.tracelens.traceback.TraceOptions tracing, ImportListener listener) {
        Path path = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new StoreException("There is no Tracelens store at " + path + " to rebuild");
        }
        ArchiveRegistry.Readable readable = readRegistry(path);
        List<ArchiveRecord> registered = readable == null ? List.of() : readable.records();
        int unreadable = readable == null ? -1 : readable.unreadable();
        Map<String, Path> named = new HashMap<>();
        try {
            for (Path p : dev.tracelens.archive.ArchiveReader.archivesIn(moreArchives)) {
                named.put(p.getFileName().toString(), p);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot list the archives in " + moreArchives + ": " + StoreErrors.cause(e), e);
        }
        List<ArchiveRecord> found = new ArrayList<>();
        List<ArchiveRecord> gone = new ArrayList<>();
        Map<String, Path> toImport = new HashMap<>(named);
        for (ArchiveRecord r : registered) {
            Path at = named.get(r.name());
            if (at == null && r.path() != null && Files.isRegularFile(Path.of(r.path()))) {
                at = Path.of(r.path());
            }
            if (at == null) {
                gone.add(r);
            } else {
                found.add(r);
                toImport.put(r.name(), at);
            }
        }
        if (toImport.isEmpty()) {
            throw new StoreException("Cannot rebuild the store at " + path + ": "
                    + (unreadable < 0 ? "its archive registry is unreadable"
                    : "none of the " + registered.size() + " archives its registry names is on disk any more"
                            + (unreadable > 0 ? " (" + unreadable + " registry entries are unreadable)" : ""))
                    + "; name the archive files or folders to import");
        }
        List<Path> files = toImport.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
        Path fresh = path.resolveSibling(path.getFileName() + ".rebuild");
        deleteTree(fresh);
        ImportResult result;
        try (TracebackStore store = TracebackStore.open(fresh)) {
            result = new StoreImporter(store, ArchiveScan.engine(contextRows, dev.tracelens.archive.ReaderOptions.defaults(),
                    tracing.withRules(GroupingRulesFile.beside(dir).load())))
                    .importArchives(files, listener);
        } catch (RuntimeException e) {
            deleteTree(fresh);
            throw e;
        }
        Path kept = path.resolveSibling(path.getFileName() + ".damaged-" + STAMP.format(Instant.now()));
        try {
            Files.move(path, kept, StandardCopyOption.ATOMIC_MOVE);
            Files.move(fresh, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("The rebuilt store is at " + fresh + " but could not be moved to " + path + ": "
                    + StoreErrors.cause(e) + "; the old store is at " + (Files.exists(kept) ? kept : path), e);
        }
        return new RebuildResult(path, kept, found, gone, Math.max(0, unreadable), result);
    }

    /**
     * The registry records that can still be read: from the store as it is, or, when a damaged
     * segment keeps it from opening at all, from a copy without the damaged segments (Lucene's
     * CheckIndex drops them there; the store itself is not touched). Null if neither works.
     */
    private static ArchiveRegistry.Readable readRegistry(Path path) {
        try (TracebackStore old = TracebackStore.openReadOnly(path)) {
            return new ArchiveRegistry(old).readable();
        } catch (RuntimeException e) {
            // Try without the damaged segments.
        }
        Path copy = path.resolveSibling(path.getFileName() + ".salvage");
        try {
            deleteTree(copy);
            Files.createDirectories(copy);
            try (Stream<Path> list = Files.list(path)) {
                for (Path f : list.toList()) {
                    if (Files.isRegularFile(f) && !f.getFileName().toString().equals("write.lock")) {
                        Files.copy(f, copy.resolve(f.getFileName()));
                    }
                }
            }
            try (Directory directory = FSDirectory.open(copy); CheckIndex checker = new CheckIndex(directory)) {
                CheckIndex.Status status = checker.checkIndex();
                if (!status.clean) {
                    checker.exorciseIndex(status);
                }
            }
            try (TracebackStore salvaged = TracebackStore.openReadOnly(copy)) {
                return new ArchiveRegistry(salvaged).readable();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            try {
                deleteTree(copy);
            } catch (StoreException ignored) {
                // A leftover copy next to the store is harmless; the next rebuild replaces it.
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot remove the unfinished rebuild at " + dir + ": " + StoreErrors.cause(e), e);
        }
    }
}
