package dev.tracelens.store;

import dev.tracelens.traceback.Traceback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.tracelens.store.TestTracebacks.T0;
import static dev.tracelens.store.TestTracebacks.tb;
import static dev.tracelens.store.TestTracebacks.truncated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreImporterTest {
    @TempDir
    Path tmp;

    private Path archive(String name, String content) throws IOException {
        Path p = tmp.resolve("in").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private List<Path> threeArchives() throws IOException {
        return List.of(archive("2016-08-12-03.tsv", "a"), archive("2016-08-12-04.tsv", "bb"),
                archive("2016-08-12-05.tsv", "ccc"));
    }

    /** 03 holds 1,2; 3 starts in 03 and ends in 04; 04 holds 4; 05 holds 5, and 6 still open at its end. */
    private static ScriptedScan script() {
        Traceback crossing = tb(3000, T0.plusSeconds(3500), "fpC", "2016-08-12-03.tsv");
        return new ScriptedScan()
                .emit("2016-08-12-03.tsv", tb(1000, T0, "fpA", "2016-08-12-03.tsv"),
                        tb(2000, T0.plusSeconds(60), "fpB", "2016-08-12-03.tsv"))
                .emit("2016-08-12-04.tsv", crossing, tb(4000, T0.plusSeconds(3700), "fpA", "2016-08-12-04.tsv"))
                .emit("2016-08-12-05.tsv", tb(5000, T0.plusSeconds(7300), "fpB", "2016-08-12-05.tsv"))
                .openAtEnd("2016-08-12-05.tsv", truncated(tb(6000, T0.plusSeconds(7400), "fpD", "2016-08-12-05.tsv")))
                .openAtEnd("2016-08-12-03.tsv", truncated(crossing));
    }

    @Test
    void importTwiceNeverDuplicatesAndSkipsUnchangedArchives() throws IOException {
        List<Path> files = threeArchives();
        ScriptedScan scan = script();
        try (TracebackStore store = TracebackStore.open(tmp.resolve("store"))) {
            StoreImporter importer = new StoreImporter(store, scan);
            ImportResult first = importer.importArchives(files, ImportListener.NONE);
            assertEquals(3, first.imported().size());
            assertEquals(6, store.tracebackCount());
            assertEquals(300, first.rows());

            long started = System.nanoTime();
            ImportResult second = importer.importArchives(files, ImportListener.NONE);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(0, second.imported().size());
            assertEquals(3, second.skipped().size());
            assertEquals(1, scan.scans.size(), "unchanged archives are not scanned again");
            assertTrue(millis < 1000, "skip took " + millis + " ms");
            assertEquals(6, store.tracebackCount());
        }
    }

    @Test
    void sameRowsAgainUpdateInsteadOfAdding() throws IOException {
        List<Path> files = threeArchives();
        try (TracebackStore store = TracebackStore.open(tmp.resolve("store"))) {
            new StoreImporter(store, script()).importArchives(files, ImportListener.NONE);
            // Another store folder's view of the same archives (e.g. after the registry was lost):
            // force a rescan by changing the files' content, the tracebacks stay keyed by header id.
            for (Path f : files) {
                Files.writeString(f, Files.readString(f) + "x");
            }
            ImportResult again = new StoreImporter(store, script()).importArchives(files, ImportListener.NONE);
            assertEquals(3, again.imported().size());
            assertEquals(6, store.tracebackCount());
        }
    }

    @Test
    void truncatedTracebackIsReplacedByItsCompleteVersion() throws IOException {
        List<Path> files = threeArchives();
        ScriptedScan scan = script();
        try (TracebackStore store = TracebackStore.open(tmp.resolve("store"))) {
            StoreImporter importer = new StoreImporter(store, scan);
            importer.importArchives(files.subList(0, 1), ImportListener.NONE);
            StoreQueries q = new StoreQueries(store);
            assertTrue(q.occurrence(3000).orElseThrow().truncated());
            assertEquals(3, store.tracebackCount());

            ImportResult next = importer.importArchives(files.subList(0, 2), ImportListener.NONE);
            assertEquals(List.of("2016-08-12-04.tsv"), next.imported().stream().map(ArchiveRecord::name).toList());
            assertEquals(List.of("2016-08-12-03.tsv", "2016-08-12-04.tsv"), scan.scans.getLast(),
                    "the scan starts one archive early to rebuild tracebacks crossing into the new one");
            Traceback complete = q.occurrence(3000).orElseThrow();
            assertFalse(complete.truncated());
            assertEquals("fpC", complete.fingerprint());
            assertEquals(3003, complete.id());
            // Found by the id of its last row too; a row inside it is neither id.
            assertEquals(3000, q.occurrenceByAnyId(3003).orElseThrow().firstId());
            assertEquals(3000, q.occurrenceByAnyId(3000).orElseThrow().firstId());
            assertTrue(q.occurrenceByAnyId(3002).isEmpty());
            // 1000, 2000, 3000 (now complete), 4000.
            assertEquals(4, store.tracebackCount());
            assertEquals(1, next.tracebacksWritten() - next.added(), "3000 replaced its provisional version");
            assertEquals(1, next.replaced());
        }
    }

    @Test
    void changedArchiveIsImportedAgainAndTouchedOneIsSkippedByChecksum() throws IOException {
        List<Path> files = threeArchives();
        ScriptedScan scan = script();
        try (TracebackStore store = TracebackStore.open(tmp.resolve("store"))) {
            StoreImporter importer = new StoreImporter(store, scan);
            importer.importArchives(files, ImportListener.NONE);
            Files.setLastModifiedTime(files.get(0), FileTime.fromMillis(1_000_000));
            Files.writeString(files.get(2), "cc!");
            ImportResult r = importer.importArchives(files, ImportListener.NONE);
            assertEquals(List.of("2016-08-12-05.tsv"), r.imported().stream().map(ArchiveRecord::name).toList());
            assertEquals(2, r.skipped().size());
            assertEquals(List.of("2016-08-12-04.tsv", "2016-08-12-05.tsv"), scan.scans.getLast());
            ArchiveRecord first = new ArchiveRegistry(store).list().getFirst();
            assertEquals(1_000_000, first.lastModified(), "the registry learns the new mtime");
            assertEquals(6, store.tracebackCount());
        }
    }

    @Test
    void registryListsArchivesWithTheirCounts() throws IOException {
        List<Path> files = threeArchives();
        try (TracebackStore store = TracebackStore.open(tmp.resolve("store"))) {
            new StoreImporter(store, script()).importArchives(files, ImportListener.NONE);
            List<ArchiveRecord> list = new ArchiveRegistry(store).list();
            assertEquals(List.of("2016-08-12-03.tsv", "2016-08-12-04.tsv", "2016-08-12-05.tsv"),
                    list.stream().map(ArchiveRecord::name).toList());
            assertEquals(List.of(3L, 1L, 2L), list.stream().map(ArchiveRecord::tracebacks).toList());
            ArchiveRecord r = list.get(1);
            assertEquals(2, r.sizeBytes());
            assertEquals(100, r.rows());
            assertEquals(1, r.badRows());
            assertTrue(r.checksum().matches("sha256:[0-9a-f]{64}"), r.checksum());
            assertTrue(r.complete());
        }
    }

    @Test
    void crashInTheMiddleLeavesTheLastCommitAndReimportFinishesTheJob() throws IOException {
        List<Path> files = threeArchives();
        Path clean = tmp.resolve("clean");
        List<Long> expected;
        try (TracebackStore store = TracebackStore.open(clean)) {
            new StoreImporter(store, script()).importArchives(files, ImportListener.NONE);
            expected = ids(store);
        }
        Path crashed = tmp.resolve("crashed");
        ScriptedScan scan = script();
        scan.failBefore = t -> t.firstId() == 5000;
        try (TracebackStore store = TracebackStore.open(crashed)) {
            assertThrows(IllegalStateException.class,
                    () -> new StoreImporter(store, scan).importArchives(files, ImportListener.NONE));
        }
        try (TracebackStore store = TracebackStore.open(crashed)) {
            // 03 and 04 were committed; 3000 (open at the end of 03) was committed with 04.
            assertEquals(List.of(1000L, 2000L, 3000L, 4000L), ids(store));
            assertEquals(2, new ArchiveRegistry(store).list().size());
            scan.failBefore = t -> false;
            ImportResult r = new StoreImporter(store, scan).importArchives(files, ImportListener.NONE);
            assertEquals(1, r.imported().size());
            assertEquals(expected, ids(store));
        }
    }

    @Test
    void tracebacksOpenAtAnArchiveEndSurviveACrashInTheNextOne() throws IOException {
        List<Path> files = threeArchives();
        ScriptedScan scan = script();
        // Crash while reading 04 before the crossing traceback 3000 was emitted.
        scan.failBefore = t -> t.firstId() == 3000;
        try (TracebackStore store = TracebackStore.open(tmp.resolve("s"))) {
            assertThrows(IllegalStateException.class,
                    () -> new StoreImporter(store, scan).importArchives(files, ImportListener.NONE));
            // 03 is registered with 3000 in its provisional version: nothing whose header is in 03 is lost.
            assertEquals(List.of(1000L, 2000L, 3000L), ids(store));
            assertTrue(new StoreQueries(store).occurrence(3000).orElseThrow().truncated());
            assertEquals("2016-08-12-03.tsv", new ArchiveRegistry(store).list().getFirst().pendingFrom());
            scan.failBefore = t -> false;
            ImportResult r = new StoreImporter(store, scan).importArchives(files, ImportListener.NONE);
            assertEquals(List.of(1000L, 2000L, 3000L, 4000L, 5000L, 6000L), ids(store));
            assertFalse(new StoreQueries(store).occurrence(3000).orElseThrow().truncated());
            assertEquals(1, r.replaced(), "3000 replaced its provisional version");
            assertEquals(3, r.added());
        }
    }

    /**
     * 3000 starts in 03, its host says nothing in 04, and it ends in 05. A crash in 05 leaves 04
     * registered; the re-import must read again from 03, not only from 04, or 3000 stays cut.
     */
    @Test
    void tracebackOpenWhileItsHostIsSilentForAWholeArchiveSurvivesACrash() throws IOException {
        List<Path> files = threeArchives();
        Traceback silent = tb(3000, T0.plusSeconds(3500), "fpC", "2016-08-12-03.tsv");
        ScriptedScan scan = new ScriptedScan()
                .emit("2016-08-12-03.tsv", tb(1000, T0, "fpA", "2016-08-12-03.tsv"))
                .emit("2016-08-12-04.tsv", tb(4000, T0.plusSeconds(3700), "fpA", "2016-08-12-04.tsv"))
                .emit("2016-08-12-05.tsv", silent, tb(5000, T0.plusSeconds(7300), "fpB", "2016-08-12-05.tsv"))
                .openAtEnd("2016-08-12-03.tsv", truncated(silent))
                .openAtEnd("2016-08-12-04.tsv", truncated(silent));
        List<Long> clean;
        try (TracebackStore store = TracebackStore.open(tmp.resolve("clean"))) {
            new StoreImporter(store, scan).importArchives(files, ImportListener.NONE);
            clean = ids(store);
            assertFalse(new StoreQueries(store).occurrence(3000).orElseThrow().truncated());
        }
        scan.failBefore = t -> t.firstId() == 3000;
        try (TracebackStore store = TracebackStore.open(tmp.resolve("s"))) {
            assertThrows(IllegalStateException.class,
                    () -> new StoreImporter(store, scan).importArchives(files, ImportListener.NONE));
            List<ArchiveRecord> registered = new ArchiveRegistry(store).list();
            assertEquals(2, registered.size());
            assertEquals("2016-08-12-03.tsv", registered.get(1).pendingFrom());
            assertTrue(new StoreQueries(store).occurrence(3000).orElseThrow().truncated());

            scan.failBefore = t -> false;
            new StoreImporter(store, scan).importArchives(files, ImportListener.NONE);
            assertEquals(List.of("2016-08-12-03.tsv", "2016-08-12-04.tsv", "2016-08-12-05.tsv"), scan.scans.getLast(),
                    "the warm-up reaches back to the archive of the open header");
            assertEquals(clean, ids(store));
            assertFalse(new StoreQueries(store).occurrence(3000).orElseThrow().truncated());
            assertEquals(null, new ArchiveRegistry(store).list().getLast().pendingFrom());
        }
    }

    @Test
    void occurrenceKeepsItsContext() throws IOException {
        try (TracebackStore store = TracebackStore.open(tmp.resolve("s"))) {
            new StoreImporter(store, script()).importArchives(threeArchives(), ImportListener.NONE);
            Optional<Traceback> t = new StoreQueries(store).occurrence(2000);
            Traceback expected = tb(2000, T0.plusSeconds(60), "fpB", "2016-08-12-03.tsv");
            assertEquals(expected, t.orElseThrow());
            assertEquals(3, t.get().context().size());
        }
    }

    static List<Long> ids(TracebackStore store) {
        List<Long> out = new ArrayList<>();
        for (var r : new StoreQueries(store).search(StoreFilter.ALL, 10_000).hits()) {
            out.add(r.firstId());
        }
        out.sort(null);
        return out;
    }
}
