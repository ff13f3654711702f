package dev.tracelens.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelens.traceback.ChainedException;
import dev.tracelens.traceback.Frame;
import dev.tracelens.traceback.InApp;
import dev.tracelens.traceback.LineKinds;
import dev.tracelens.traceback.Refingerprint;
import dev.tracelens.traceback.Traceback;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tracelens.store.TestTracebacks.T0;
import static dev.tracelens.store.TestTracebacks.tb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A store written in format 1 (documents keyed by {@code firstId} alone, traceback JSON without
 * ordinal, language and line kinds) is read as it is when opened read-only, and upgraded to the
 * current format, keeping every traceback, when opened for writing.
 */
class StoreUpgradeTest {
    @TempDir
    Path tmp;

    /** Writes what Tracelens 1 wrote: the same fields minus {@link StoreSchema#KEY}, format 1 in the commit. */
    static void writeFormatOneStore(Path dir, List<Traceback> tracebacks, List<ArchiveRecord> archives)
            throws IOException {
        StoreJsonCodec codec = new StoreJsonCodec();
        TracebackDocuments documents = new TracebackDocuments(codec);
        ObjectMapper mapper = new ObjectMapper();
        try (FSDirectory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new TracebackFilteredAnalyzer()))) {
            for (Traceback t : tracebacks) {
                Document doc = documents.toDocument(t);
                doc.removeField(StoreSchema.KEY);
                doc.removeField(StoreSchema.TRACEBACK_JSON);
                ObjectNode json = (ObjectNode) mapper.readTree(codec.write(t.withContext(List.of())));
                json.remove(List.of("ordinal", "language", "lineKinds"));
                doc.add(new StoredField(StoreSchema.TRACEBACK_JSON, mapper.writeValueAsBytes(json)));
                w.addDocument(doc);
            }
            for (ArchiveRecord r : archives) {
                Document doc = new Document();
                doc.add(new StringField(StoreSchema.KIND, StoreSchema.KIND_ARCHIVE, Field.Store.NO));
                doc.add(new StringField(StoreSchema.ARCHIVE_NAME, r.name(), Field.Store.NO));
                doc.add(new StoredField(StoreSchema.ARCHIVE_JSON, codec.write(r)));
                w.addDocument(doc);
            }
            w.setLiveCommitData(Map.of(StoreSchema.FORMAT_KEY, "1").entrySet());
            w.commit();
        }
    }

    private static List<Traceback> oldTracebacks() {
        List<Traceback> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            out.add(tb(1000 + 10L * i, T0.plusSeconds(i), "i-host1", "app-web", "KeyError", "'user_id'",
                    "handler" + i % 4, "fp" + i % 4, "2016-08-12-03.tsv"));
        }
        return out;
    }

    @Test
    void formatOneStoreIsReadAsItIsAndUpgradedKeepingEveryTraceback() throws IOException {
        Path dir = tmp.resolve("old");
        List<Traceback> old = oldTracebacks();
        ArchiveRecord archive = new ArchiveRecord("2016-08-12-03.tsv", "/x/2016-08-12-03.tsv", 10, 1, "sha256:00",
                100, 0, 0, true, Instant.parse("2026-01-01T00:00:00Z"));
        writeFormatOneStore(dir, old, List.of(archive));

        try (TracebackStore store = TracebackStore.openReadOnly(dir)) {
            assertEquals(40, store.tracebackCount());
            assertEquals(old.get(3), new StoreQueries(store).occurrence(old.get(3).firstId()).orElseThrow());
        }

        List<String> notices = new ArrayList<>();
        try (TracebackStore store = TracebackStore.open(dir, notices::add)) {
            assertEquals(2, notices.size(), "before and after: " + notices);
            assertTrue(notices.get(0).contains("from format 1 to " + StoreSchema.FORMAT_VERSION), notices.get(0));
            assertTrue(notices.get(1).contains("40 tracebacks kept"), notices.get(1));
            assertEquals(40, store.tracebackCount());
            StoreQueries q = new StoreQueries(store);
            for (Traceback t : old) {
                assertEquals(Refingerprint.of(t, InApp.NONE), q.occurrence(t.firstId(), 0).orElseThrow());
                assertEquals(1, (int) store.search(s -> s.count(new TermQuery(TracebackDocuments.key(t)))),
                        "keyed by firstId/ordinal now");
            }
            assertEquals(4, q.groups(StoreFilter.ALL, GroupSort.COUNT, 10).totalGroups());
            assertEquals(List.of(archive.name()), new ArchiveRegistry(store).list().stream().map(ArchiveRecord::name).toList());

            // A second traceback from the same header row is kept beside the first, not over it.
            Traceback first = Refingerprint.of(old.getFirst(), InApp.NONE);
            Traceback second = new Traceback(first.id(), first.firstId(), 1, first.timestamp(), first.host(),
                    first.program(), first.language(), "ValueError", "two", first.frames(), first.causes(),
                    first.text(), first.lineKinds(), first.context(), "fpX", first.fingerprintParts(), false,
                    first.archive(), first.row());
            store.writer().updateDocument(TracebackDocuments.key(second), store.documents().toDocument(second));
            store.commit();
            assertEquals(41, store.tracebackCount());
            assertEquals(second, q.occurrence(first.firstId(), 1).orElseThrow());
            assertEquals(first, q.occurrence(first.firstId()).orElseThrow());
        }
        try (FSDirectory d = FSDirectory.open(dir)) {
            assertEquals("4", SegmentInfos.readLatestCommit(d).getUserData().get(StoreSchema.FORMAT_KEY));
        }
        notices.clear();
        try (TracebackStore store = TracebackStore.open(dir, notices::add)) {
            assertEquals(List.of(), notices, "upgraded once");
            assertEquals(41, store.tracebackCount());
        }
    }

    /**
     * Format 2 stored the context as plain JSON under the codec's DEFLATE mode: such a store reads
     * the same read-only; opened for writing every traceback is re-fingerprinted (format 4) and
     * kept, and documents written since hold their context compressed.
     */
    @Test
    void formatTwoStoreReadsTheSameAndIsUpgradedByRecordingTheVersion() throws IOException {
        Path dir = tmp.resolve("two");
        StoreJsonCodec codec = new StoreJsonCodec();
        TracebackDocuments documents = new TracebackDocuments(codec);
        List<Traceback> old = oldTracebacks();
        try (FSDirectory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new TracebackFilteredAnalyzer())
                     .setCodec(new org.apache.lucene.codecs.lucene104.Lucene104Codec(
                             org.apache.lucene.codecs.lucene104.Lucene104Codec.Mode.BEST_COMPRESSION)))) {
            for (Traceback t : old) {
                Document doc = documents.toDocument(t);
                doc.removeField(StoreSchema.CONTEXT_JSON);
                doc.add(new StoredField(StoreSchema.CONTEXT_JSON, codec.write(t.context())));
                w.updateDocument(TracebackDocuments.key(t), doc);
            }
            w.setLiveCommitData(Map.of(StoreSchema.FORMAT_KEY, "2").entrySet());
            w.commit();
        }
        assertTrue(old.get(5).context().size() > 0, "the fixture has context");
        try (TracebackStore store = TracebackStore.openReadOnly(dir)) {
            StoreQueries q = new StoreQueries(store);
            for (Traceback t : old) {
                assertEquals(t, q.occurrence(t.firstId(), 0).orElseThrow());
            }
        }
        List<String> notices = new ArrayList<>();
        Traceback added = tb(9000, T0.plusSeconds(99), "fp1", "2016-08-12-04.tsv");
        try (TracebackStore store = TracebackStore.open(dir, notices::add)) {
            assertTrue(notices.getLast().contains("40 tracebacks kept"), notices.toString());
            StoreQueries q = new StoreQueries(store);
            for (Traceback t : old) {
                assertEquals(Refingerprint.of(t, InApp.NONE), q.occurrence(t.firstId(), 0).orElseThrow());
            }
            store.writer().updateDocument(TracebackDocuments.key(added), store.documents().toDocument(added));
            store.commit();
            assertEquals(added, q.occurrence(added.firstId(), 0).orElseThrow());
            assertEquals(StoredContext.DEFLATED, store.documents().toDocument(added)
                    .getBinaryValue(StoreSchema.CONTEXT_JSON).bytes[0], "new context is stored compressed");
        }
        try (FSDirectory d = FSDirectory.open(dir)) {
            assertEquals("4", SegmentInfos.readLatestCommit(d).getUserData().get(StoreSchema.FORMAT_KEY));
        }
    }

    /**
     * Format 3 named application modules by their last two path components: two same-named
     * modules of different packages were one group. Opened for writing, the store regroups every
     * stored traceback from its stored parts (no archive is read; the archive file named does not
     * even exist) into two groups, keeping every traceback with its context.
     */
    @Test
    void formatThreeStoreIsRegroupedFromItsStoredTracebacks() throws IOException {
        Path dir = tmp.resolve("three");
        List<Traceback> old = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String pkg = i % 2 == 0 ? "billing" : "shop";
            String file = "/srv/app/" + pkg + "/api/views.py";
            String text = "Traceback (most recent call last):\n  File \"" + file + "\", line " + (10 + i)
                    + ", in get\n    return load()\nKeyError: 'order " + i + "'";
            Traceback t = tb(5000 + 10L * i, T0.plusSeconds(i), "fp-old", "gone-2016-08-12-03.tsv");
            old.add(new Traceback(t.id(), t.firstId(), 0, t.timestamp(), "i-host" + i % 3, t.program(), "python",
                    "KeyError", "'order " + i + "'", List.of(new Frame(file, 10 + i, "get", "return load()")),
                    List.<ChainedException>of(), text, LineKinds.of("python", text), t.context(),
                    "0123456789abcdef", List.of("type:KeyError", "frame:api/views.py:get"), false, t.archive(), t.row()));
        }
        StoreJsonCodec codec = new StoreJsonCodec();
        TracebackDocuments documents = new TracebackDocuments(codec);
        try (FSDirectory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new TracebackFilteredAnalyzer()))) {
            for (Traceback t : old) {
                w.updateDocument(TracebackDocuments.key(t), documents.toDocument(t));
            }
            w.setLiveCommitData(Map.of(StoreSchema.FORMAT_KEY, "3").entrySet());
            w.commit();
        }
        try (TracebackStore store = TracebackStore.openReadOnly(dir)) {
            assertEquals(1, new StoreQueries(store).groups(StoreFilter.ALL, GroupSort.COUNT, 10).totalGroups(),
                    "read-only, the store is read as it is");
        }
        List<String> notices = new ArrayList<>();
        try (TracebackStore store = TracebackStore.open(dir, notices::add)) {
            assertTrue(notices.getFirst().contains("from format 3 to 4"), notices.toString());
            assertTrue(notices.getLast().contains("30 tracebacks kept"), notices.toString());
            assertEquals(30, store.tracebackCount());
            StoreQueries q = new StoreQueries(store);
            GroupList groups = q.groups(StoreFilter.ALL, GroupSort.COUNT, 10);
            assertEquals(2, groups.totalGroups(), "billing/api/views.py and shop/api/views.py");
            for (Traceback t : old) {
                Traceback now = q.occurrence(t.firstId(), 0).orElseThrow();
                assertEquals(t.context(), now.context());
                assertEquals(t.text(), now.text());
                String pkg = t.frames().getFirst().file().contains("billing") ? "billing" : "shop";
                assertEquals(List.of("type:KeyError", "frame:" + pkg + "/api/views.py:get"), now.fingerprintParts());
            }
        }
        notices.clear();
        try (TracebackStore store = TracebackStore.open(dir, notices::add)) {
            assertEquals(List.of(), notices, "upgraded once");
        }
    }

    @Test
    void emptyFolderIsNotAStoreToUpgrade() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("new"));
        List<String> notices = new ArrayList<>();
        try (TracebackStore store = TracebackStore.open(dir, notices::add)) {
            assertEquals(0, store.tracebackCount());
        }
        assertEquals(List.of(), notices);
    }
}
