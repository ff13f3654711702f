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
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    /** A plain-text archive: one row per {@code host|message}, ids from {@code firstId}, a second apart. */
    static Path tsv(Path dir, String name, long firstId, String... rows) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        StringBuilder out = new StringBuilder();
        java.time.Instant t = java.time.Instant.parse(name.substring(0, 10) + "T" + name.substring(11, 13) + ":00:00Z");
        for (int i = 0; i < rows.length; i++) {
            String[] hm = rows[i].split("\\|", 2);
            String ts = t.plusSeconds(i).toString().replace("Z", "");
            out.append(firstId + i).append('\t').append(ts).append('\t').append(ts).append("\t12345\t").append(hm[0])
                    .append("\t10.0.0.5\tUser\tNotice\tapp-web\t").append(hm[1]).append('\n');
        }
        Path file = dir.resolve(name);
        java.nio.file.Files.writeString(file, out);
        return file;
    }

    /**
     * Host a starts a traceback at the end of 00, says nothing in 01 and ends it in 02. Killed
     * (here: the engine fails) while reading 02, the store must hold it in its provisional version,
     * and the next import must rebuild it whole, reading again from 00.
     */
    @Test
    void tracebackOpenWhileItsHostIsSilentForAWholeArchiveIsNeverLost() throws IOException {
        Path dir = tmp.resolve("archives");
        List<Path> files = List.of(
                tsv(dir, "2016-08-12-00.tsv", 1000, "a|20286/MainThread INFO start", "b|tick",
                        "a|Traceback (most recent call last):", "a|  File \"/srv/app/x.py\", line 3, in run"),
                tsv(dir, "2016-08-12-01.tsv", 2000, "b|tick 1", "b|tick 2"),
                tsv(dir, "2016-08-12-02.tsv", 3000, "b|tick 3", "a|    do()", "a|ValueError: silent host",
                        "a|20286/MainThread INFO next"));
        List<String> clean;
        try (TracebackStore store = TracebackStore.open(tmp.resolve("clean"))) {
            new StoreImporter(store, 5).importArchives(files, ImportListener.NONE);
            clean = summary(store);
        }
        assertEquals(List.of("1002 3002 ValueError false 1"), clean);

        ArchiveScan engine = ArchiveScan.engine(5);
        ArchiveScan crashing = (archives, listener, progress) -> engine.scan(archives, new ForwardingListener(listener) {
            @Override
            public void onArchiveStart(String archive, long sizeBytes) {
                if (archive.endsWith("02.tsv")) {
                    throw new IllegalStateException("killed while reading 02");
                }
                super.onArchiveStart(archive, sizeBytes);
            }
        }, progress);
        try (TracebackStore store = TracebackStore.open(tmp.resolve("killed"))) {
            assertThrows(IllegalStateException.class,
                    () -> new StoreImporter(store, crashing).importArchives(files, ImportListener.NONE));
            assertEquals(List.of("1002 1003  true 1"), summary(store), "the provisional version is committed");
            assertEquals(2, new ArchiveRegistry(store).list().size());
            ImportResult r = new StoreImporter(store, 5).importArchives(files, ImportListener.NONE);
            assertEquals(1, r.imported().size());
            assertEquals(clean, summary(store));
            assertEquals(1, r.tracebacksWritten());
            assertEquals(1, r.replaced());
        }
    }

    private static List<String> summary(TracebackStore store) {
        StoreQueries q = new StoreQueries(store);
        return q.search(StoreFilter.ALL, 1000).hits().stream()
                .map(hit -> q.occurrence(hit.firstId()).orElseThrow())
                .map(t -> t.firstId() + " " + t.id() + " " + t.exceptionType() + " " + t.truncated() + " "
                        + t.context().size())
                .sorted().toList();
    }

    /** Two tracebacks printed in one row (rsyslog's #012 for newlines) are two documents, not one. */
    @Test
    void aRowHoldingTwoTracebacksKeepsBoth() throws IOException {
        Path file = tsv(tmp.resolve("archives"), "2016-08-12-00.tsv", 1000,
                "a|Traceback (most recent call last):#012  File \"/srv/x.py\", line 1, in f#012    g()#012ValueError: one"
                        + "#012Traceback (most recent call last):#012  File \"/srv/y.py\", line 2, in h#012    k()#012KeyError: two",
                "a|20286/MainThread INFO next");
        try (TracebackStore store = TracebackStore.open(tmp.resolve("store"))) {
            ImportResult r = new StoreImporter(store, 5).importArchives(List.of(file), ImportListener.NONE);
            assertEquals(2, r.tracebacksWritten());
            assertEquals(0, r.replaced());
            assertEquals(2, store.tracebackCount());
            StoreQueries q = new StoreQueries(store);
            assertEquals("ValueError", q.occurrence(1000, 0).orElseThrow().exceptionType());
            assertEquals("KeyError", q.occurrence(1000, 1).orElseThrow().exceptionType());
            assertEquals(2, q.groups(StoreFilter.ALL, GroupSort.COUNT, 10).totalGroups());
            assertEquals(2, new ArchiveRegistry(store).list().getFirst().tracebacks());
        }
    }
}
