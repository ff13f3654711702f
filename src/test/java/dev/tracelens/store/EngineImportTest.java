package dev.tracelens.store;

import dev.tracelens.traceback.Traceback;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Imports real (hand-built) archives through the real engine. */
class EngineImportTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void needsEngine() {
        assumeTrue(EngineCheck.engineAvailable(), "needs the real ArchiveReader and TracebackAssembler");
    }

    /** The tracebacks that cross an hour (their frame is {@code handler_v}, analyzed as handlerv). */
    private static List<Traceback> crossing(TracebackStore store) {
        return new StoreQueries(store).search(StoreFilter.ALL.withText("handlerv"), 1000).hits();
    }

    @Test
    void importingTwiceNeverDuplicatesAndSkipsFast() throws IOException {
        Path dir = tmp.resolve("archives");
        List<Path> files = ArchiveFixtures.write(dir, 3, 50);
        try (TracebackStore store = TracebackStore.open(tmp.resolve("store"))) {
            StoreImporter importer = new StoreImporter(store, 5);
            ImportResult first = importer.importPaths(List.of(dir), ImportListener.NONE);
            assertEquals(3, first.imported().size());
            long count = store.tracebackCount();
            // 50 per hour plus one crossing into the next hour per hour.
            assertEquals(3 * 50 + 3, count);
            ImportResult second = importer.importPaths(List.of(dir), ImportListener.NONE);
            assertEquals(3, second.skipped().size());
            assertTrue(second.took().toMillis() < 1000, "skip took " + second.took());
            assertEquals(count, store.tracebackCount());
            GroupList groups = new StoreQueries(store).groups(StoreFilter.ALL, GroupSort.COUNT, 100);
            assertTrue(groups.totalGroups() >= 3, "groups: " + groups.totalGroups());
            assertEquals(count, groups.totalOccurrences());
            assertEquals(files.size(), new ArchiveRegistry(store).list().size());
        }
    }

    @Test
    void tracebackCutAtTheEndOfAnImportIsCompletedByTheNext() throws IOException {
        Path dir = tmp.resolve("archives");
        List<Path> files = ArchiveFixtures.write(dir, 2, 20);
        try (TracebackStore store = TracebackStore.open(tmp.resolve("store"))) {
            StoreImporter importer = new StoreImporter(store, 5);
            importer.importArchives(files.subList(0, 1), ImportListener.NONE);
            List<Traceback> cut = crossing(store);
            assertEquals(1, cut.size());
            assertTrue(cut.getFirst().truncated());
            long before = store.tracebackCount();

            importer.importArchives(files, ImportListener.NONE);
            List<Traceback> whole = crossing(store).stream()
                    .filter(t -> t.firstId() == cut.getFirst().firstId()).toList();
            assertEquals(1, whole.size(), "one document per header row");
            assertFalse(whole.getFirst().truncated());
            assertTrue(whole.getFirst().id() > cut.getFirst().id());
            assertEquals("RuntimeError", whole.getFirst().exceptionType());
            // The second hour's 20, and its own crossing traceback (cut at the end now).
            assertEquals(before + 20 + 1, store.tracebackCount());
        }
    }

    @Test
    void missingArchiveFailsWithoutARegistryEntryAndTheOthersImport() throws IOException {
        List<Path> files = ArchiveFixtures.write(tmp.resolve("archives"), 2, 5);
        Path missing = tmp.resolve("archives").resolve("2016-08-11-23.tsv.gz");
        try (TracebackStore store = TracebackStore.open(tmp.resolve("store"))) {
            ImportResult r = new StoreImporter(store, 5).importArchives(List.of(missing, files.get(0), files.get(1)),
                    ImportListener.NONE);
            assertEquals(List.of("2016-08-11-23.tsv.gz"), r.failed().stream().map(ArchiveRecord::name).toList());
            assertEquals(2, r.imported().size());
            assertTrue(r.problems() >= 1);
            assertEquals(List.of("2016-08-12-00.tsv.gz", "2016-08-12-01.tsv.gz"),
                    new ArchiveRegistry(store).list().stream().map(ArchiveRecord::name).toList());
        }
    }
}
