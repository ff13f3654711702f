package dev.tracelens.store;

import dev.tracelens.traceback.GroupingRules;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Grouping rules applied to what is stored: every traceback of the last commit gets the key the
 * rules give it, from its stored fingerprint parts alone (no archive is read), and those whose key
 * changed are written again, in one commit. Also counts what each rule matches now.
 */
final class StoreRegroup {
    private static final Set<String> STORED = Set.of(StoreSchema.TRACEBACK_JSON, StoreSchema.CONTEXT_JSON);

    private StoreRegroup() {
    }

    /** Returns per rule id how many stored tracebacks it changed (0 for a rule that matches nothing). */
    static Map<String, Long> regroup(TracebackStore store, GroupingRules rules) throws IOException {
        Map<String, Long> matches = counts(rules);
        synchronized (store.writeLock()) {
            IndexWriter writer = store.writer();
            try {
                forEach(store, DirectoryReader.open(writer.getDirectory()), true, t -> {
                    Traceback now = rules.apply(t);
                    count(matches, now);
                    if (now != t) {
                        try {
                            writer.updateDocument(TracebackDocuments.key(now), store.documents().toDocument(now));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
                store.commit();
            } catch (java.io.UncheckedIOException e) {
                store.rollbackToLastCommit();
                throw e.getCause();
            } catch (IOException | RuntimeException e) {
                store.rollbackToLastCommit();
                throw e;
            }
        }
        return matches;
    }

    /** Per rule id, how many stored tracebacks it changed as stored now. */
    static Map<String, Long> matches(TracebackStore store, GroupingRules rules) throws IOException {
        Map<String, Long> matches = counts(rules);
        store.search(searcher -> {
            forEach(store, (DirectoryReader) searcher.getIndexReader(), false, t -> count(matches, t));
            return null;
        });
        return matches;
    }

    private static Map<String, Long> counts(GroupingRules rules) {
        Map<String, Long> matches = new LinkedHashMap<>();
        rules.rules().forEach(r -> matches.put(r.id(), 0L));
        return matches;
    }

    private static void count(Map<String, Long> matches, Traceback t) {
        for (String id : GroupingRules.appliedIds(t)) {
            matches.computeIfPresent(id, (k, n) -> n + 1);
        }
    }

    private static void forEach(TracebackStore store, DirectoryReader reader, boolean close, Consumer<Traceback> each)
            throws IOException {
        Query tracebacks = StoreQueryBuilder.tracebacks();
        try {
            new IndexSearcher(reader).search(tracebacks, new SimpleCollector() {
                private StoredFields stored;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    stored = context.reader().storedFields();
                }

                @Override
                public void collect(int doc) throws IOException {
                    Document d = stored.document(doc, STORED);
                    each.accept(store.documents().fromStored(d.getBinaryValue(StoreSchema.TRACEBACK_JSON),
                            d.getBinaryValue(StoreSchema.CONTEXT_JSON)));
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
        } finally {
            if (close) {
                reader.close();
            }
        }
    }
}
