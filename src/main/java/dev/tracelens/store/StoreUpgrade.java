package dev.tracelens.store;

import dev.tracelens.traceback.Traceback;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

import java.io.IOException;
import java.util.Set;

/**
 * Brings a store of an older format up to {@link StoreSchema#FORMAT_VERSION} when it is opened
 * for writing: every traceback document is read from the last commit and written again in the
 * current layout, in one commit. Killed half-way, the store is still the old commit and the next
 * open upgrades it again; no traceback is lost either way. Stores opened read-only are read as
 * they are (queries fall back to the old key).
 */
final class StoreUpgrade {
    private static final Set<String> STORED = Set.of(StoreSchema.TRACEBACK_JSON, StoreSchema.CONTEXT_JSON);

    private StoreUpgrade() {
    }

    /** Format 1 keyed tracebacks by {@code firstId} alone; format 2 adds {@link StoreSchema#KEY}. Returns how many were kept. */
    static long fromVersion1(TracebackStore store) throws IOException {
        IndexWriter writer = store.writer();
        Query tracebacks = StoreQueryBuilder.tracebacks();
        long[] kept = {0};
        // The reader sees the last commit, whatever the writer deletes and adds meanwhile.
        try (DirectoryReader old = DirectoryReader.open(writer.getDirectory())) {
            writer.deleteDocuments(tracebacks);
            new IndexSearcher(old).search(tracebacks, new SimpleCollector() {
                private StoredFields stored;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    stored = context.reader().storedFields();
                }

                @Override
                public void collect(int doc) throws IOException {
                    Document d = stored.document(doc, STORED);
                    Traceback t = store.documents().fromStored(d.getBinaryValue(StoreSchema.TRACEBACK_JSON),
                            d.getBinaryValue(StoreSchema.CONTEXT_JSON));
                    writer.addDocument(store.documents().toDocument(t));
                    kept[0]++;
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
        }
        store.commit();
        return kept[0];
    }
}
