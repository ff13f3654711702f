package dev.tracelens.store;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tracelens.store.TestTracebacks.T0;
import static dev.tracelens.store.TestTracebacks.tb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TracebackStoreTest {
    @TempDir
    Path tmp;

    private static void rawIndex(Path dir, Map<String, String> userData) throws IOException {
        try (FSDirectory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document doc = new Document();
            doc.add(new StringField("x", "y", Field.Store.YES));
            w.addDocument(doc);
            w.setLiveCommitData(userData.entrySet());
            w.commit();
        }
    }

    @Test
    void newStoreRecordsItsFormatAndReopens() {
        Path dir = tmp.resolve("new/store");
        try (TracebackStore store = TracebackStore.open(dir)) {
            assertEquals(0, store.tracebackCount());
        }
        try (TracebackStore store = TracebackStore.openReadOnly(dir)) {
            assertEquals(0, store.tracebackCount());
            assertTrue(store.readOnly());
        }
    }

    @Test
    void newerFormatIsRefused() throws IOException {
        Path dir = tmp.resolve("s");
        rawIndex(dir, Map.of(StoreSchema.FORMAT_KEY, "99"));
        StoreException e = assertThrows(StoreException.class, () -> TracebackStore.open(dir));
        assertTrue(e.getMessage().contains("format version 99, newer than this Tracelens understands (" + StoreSchema.FORMAT_VERSION + ")"),
                e.getMessage());
        assertThrows(StoreException.class, () -> TracebackStore.openReadOnly(dir));
    }

    @Test
    void foreignIndexAndForeignFilesAreRefused() throws IOException {
        Path lucene = tmp.resolve("lucene");
        rawIndex(lucene, Map.of());
        StoreException e = assertThrows(StoreException.class, () -> TracebackStore.open(lucene));
        assertTrue(e.getMessage().contains("not a Tracelens store"), e.getMessage());

        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("notes.txt"), "mine");
        StoreException e2 = assertThrows(StoreException.class, () -> TracebackStore.open(home));
        assertTrue(e2.getMessage().contains("is not empty and not a Tracelens store"), e2.getMessage());
        assertEquals(List.of("notes.txt"), list(home), "nothing was written among the user's files");
    }

    @Test
    void missingStoreOpenedForReadingSaysSo() {
        StoreException e = assertThrows(StoreException.class, () -> TracebackStore.openReadOnly(tmp.resolve("none")));
        assertTrue(e.getMessage().startsWith("There is no Tracelens store at "), e.getMessage());
    }

    @Test
    void storeInUseByAnotherWriterIsAClearError() {
        Path dir = tmp.resolve("s");
        try (TracebackStore first = TracebackStore.open(dir)) {
            StoreException e = assertThrows(StoreException.class, () -> TracebackStore.open(dir));
            assertTrue(e.getMessage().startsWith("The store at " + dir.toAbsolutePath()
                    + " is in use by another Tracelens"), e.getMessage());
            // Readers need no lock.
            try (TracebackStore reader = TracebackStore.openReadOnly(dir)) {
                assertEquals(0, reader.tracebackCount());
            }
            assertEquals(0, first.tracebackCount());
        }
    }

    @Test
    void fullDiskFailsTheImportCleanlyAndKeepsTheLastCommit() throws IOException {
        Path dir = tmp.resolve("s");
        Path a1 = Files.writeString(tmp.resolve("2016-08-12-03.tsv"), "1");
        Path a2 = Files.writeString(tmp.resolve("2016-08-12-04.tsv"), "2");
        ScriptedScan scan = new ScriptedScan();
        for (int i = 0; i < 50; i++) {
            scan.emit(a1.getFileName().toString(), tb(1000 + i, T0.plusSeconds(i), "fp" + i % 5, "03"));
        }
        for (int i = 0; i < 500; i++) {
            scan.emit(a2.getFileName().toString(), tb(5000 + i, T0.plusSeconds(3600 + i), "fp" + i % 5, "04"));
        }
        DiskFullDirectory[] disk = new DiskFullDirectory[1];
        try (TracebackStore store = TracebackStore.open(dir, false, d -> disk[0] = new DiskFullDirectory(d))) {
            StoreImporter importer = new StoreImporter(store, scan);
            importer.importArchives(List.of(a1), ImportListener.NONE);
            assertEquals(50, store.tracebackCount());

            disk[0].budget.set(20_000);
            StoreException e = assertThrows(StoreException.class,
                    () -> importer.importArchives(List.of(a1, a2), ImportListener.NONE));
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            assertTrue(e.getMessage().contains("unchanged since its last commit"), e.getMessage());
            // Still readable, at the last commit.
            assertEquals(50, store.tracebackCount());
            assertEquals(1, new ArchiveRegistry(store).list().size());

            // Space freed: the same store object imports again.
            disk[0].budget.set(-1);
            importer.importArchives(List.of(a1, a2), ImportListener.NONE);
            assertEquals(550, store.tracebackCount());
        }
        try (TracebackStore store = TracebackStore.openReadOnly(dir)) {
            assertEquals(550, store.tracebackCount());
        }
    }

    @Test
    void fullDiskStoreReopensAtItsLastCommit() throws IOException {
        Path dir = tmp.resolve("s");
        Path a1 = Files.writeString(tmp.resolve("2016-08-12-03.tsv"), "1");
        ScriptedScan scan = new ScriptedScan();
        for (int i = 0; i < 300; i++) {
            scan.emit(a1.getFileName().toString(), tb(1000 + i, T0.plusSeconds(i), "fp" + i % 5, "03"));
        }
        DiskFullDirectory[] disk = new DiskFullDirectory[1];
        try (TracebackStore store = TracebackStore.open(dir, false, d -> disk[0] = new DiskFullDirectory(d))) {
            disk[0].budget.set(5_000);
            assertThrows(StoreException.class,
                    () -> new StoreImporter(store, scan).importArchives(List.of(a1), ImportListener.NONE));
        }
        try (TracebackStore store = TracebackStore.open(dir)) {
            assertEquals(0, store.tracebackCount());
            new StoreImporter(store, scan).importArchives(List.of(a1), ImportListener.NONE);
            assertEquals(300, store.tracebackCount());
        }
    }

    private static List<String> list(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.forEach(p -> out.add(p.getFileName().toString()));
        }
        return out;
    }

    /**
     * A search that starts after a commit sees it, also while another thread is refreshing the
     * view (a live reload, the detail pane): "Remove sample data" once left the old groups listed,
     * because the reload after the clear found a refresh in flight and kept the old view.
     */
    @Test
    void aSearchAfterACommitSeesItWhileOthersRefresh() throws Exception {
        int archives = 150;
        ScriptedScan scan = new ScriptedScan();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < archives; i++) {
            Path a = Files.writeString(tmp.resolve(String.format("2016-08-%02d-%02d.tsv", 1 + i / 24, i % 24)), "" + i);
            files.add(a);
            scan.emit(a.getFileName().toString(), tb(1000 + i, T0.plusSeconds(i), "fp" + i % 5, "a" + i));
        }
        try (TracebackStore store = TracebackStore.open(tmp.resolve("s"))) {
            StoreImporter importer = new StoreImporter(store, scan);
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            Thread others = new Thread(() -> {
                while (!done.get()) {
                    store.refresh();
                    store.tracebackCount();
                }
            });
            others.start();
            try {
                for (int i = 0; i < archives; i++) {
                    importer.importArchives(List.of(files.get(i)), ImportListener.NONE);
                    assertEquals(i + 1, store.tracebackCount(), "right after commit " + (i + 1));
                }
            } finally {
                done.set(true);
                others.join();
            }
        }
    }
}
