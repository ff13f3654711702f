package dev.tracelens.store;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The archives imported so far, kept as documents in the store's own index so that an archive's
 * entry is committed together with its tracebacks: a crash can never leave the registry claiming
 * an archive whose tracebacks are not there.
 */
public final class ArchiveRegistry {
    private static final Query ALL = new TermQuery(new Term(StoreSchema.KIND, StoreSchema.KIND_ARCHIVE));

    private final TracebackStore store;

    public ArchiveRegistry(TracebackStore store) {
        this.store = store;
    }

    static Term key(String name) {
        return new Term(StoreSchema.ARCHIVE_NAME, name);
    }

    Document toDocument(ArchiveRecord record) {
        Document doc = new Document();
        doc.add(new StringField(StoreSchema.KIND, StoreSchema.KIND_ARCHIVE, Field.Store.NO));
        doc.add(new StringField(StoreSchema.ARCHIVE_NAME, record.name(), Field.Store.NO));
        doc.add(new StoredField(StoreSchema.ARCHIVE_JSON, store.json().write(record.withTracebacks(0))));
        return doc;
    }

    /** Every registered archive by name, in name (= time) order, without traceback counts. */
    Map<String, ArchiveRecord> byName() {
        return store.search(searcher -> {
            Map<String, ArchiveRecord> out = new LinkedHashMap<>();
            for (ArchiveRecord r : load(searcher)) {
                out.put(r.name(), r);
            }
            return out;
        });
    }

    /** Every registered archive in name (= time) order, with the tracebacks it holds now. */
    public List<ArchiveRecord> list() {
        return store.search(searcher -> {
            List<ArchiveRecord> out = new ArrayList<>();
            for (ArchiveRecord r : load(searcher)) {
                Query q = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(StoreSchema.KIND, StoreSchema.KIND_TRACEBACK)), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(StoreSchema.ARCHIVE, r.name())), BooleanClause.Occur.FILTER)
                        .build();
                out.add(r.withTracebacks(searcher.count(q)));
            }
            return out;
        });
    }

    /** What a damaged store's registry still gives: the records that read back, and how many did not. */
    record Readable(List<ArchiveRecord> records, int unreadable) {
    }

    /** Every registry record that can be read, one by one, so that a damaged one does not hide the others. */
    Readable readable() {
        return store.search(searcher -> {
            TopDocs top = searcher.search(ALL, Math.max(1, searcher.count(ALL)));
            StoredFields stored = searcher.storedFields();
            List<ArchiveRecord> out = new ArrayList<>();
            int unreadable = 0;
            for (ScoreDoc sd : top.scoreDocs) {
                try {
                    BytesRef json = stored.document(sd.doc).getBinaryValue(StoreSchema.ARCHIVE_JSON);
                    out.add(store.json().read(BytesRef.deepCopyOf(json).bytes, ArchiveRecord.class));
                } catch (IOException | RuntimeException e) {
                    unreadable++;
                }
            }
            out.sort(Comparator.comparing(ArchiveRecord::name));
            return new Readable(out, unreadable);
        });
    }

    private List<ArchiveRecord> load(IndexSearcher searcher) throws IOException {
        int n = Math.max(1, searcher.count(ALL));
        TopDocs top = searcher.search(ALL, n);
        StoredFields stored = searcher.storedFields();
        List<ArchiveRecord> out = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            Document doc = stored.document(sd.doc);
            BytesRef json = doc.getBinaryValue(StoreSchema.ARCHIVE_JSON);
            if (json == null) {
                throw new org.apache.lucene.index.CorruptIndexException("a stored archive record is missing", "stored fields");
            }
            out.add(store.json().read(BytesRef.deepCopyOf(json).bytes,
                    ArchiveRecord.class));
        }
        out.sort(Comparator.comparing(ArchiveRecord::name));
        return out;
    }
}
