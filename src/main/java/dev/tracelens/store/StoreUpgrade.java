package dev.tracelens.store;

import dev.tracelens.traceback.InApp;
import dev.tracelens.traceback.Refingerprint;
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
import java.util.function.UnaryOperator;

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

    /**
     * Every stored traceback written again under the current fingerprint rules (format 4:
     * module paths from the application's root, type + masked message without own frames), with
     * its {@link StoreSchema#KEY} (format 1 had none), from the stored tracebacks alone: no archive
     * is read. Returns how many were kept.
     */
    static long refingerprint(TracebackStore store) throws IOException {
        return rewrite(store, t -> Refingerprint.of(t, InApp.NONE));
    }

    /** Every traceback document of the last commit replaced by {@code change} of it, in one commit. Returns how many. */
    static long rewrite(TracebackStore store, UnaryOperator<Traceback> change) throws IOException {
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
                    writer.addDocument(store.documents().toDocument(change.apply(t)));
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
