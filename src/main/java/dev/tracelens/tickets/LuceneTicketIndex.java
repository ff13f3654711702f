package dev.tracelens.tickets;

import dev.tracelens.store.TracebackFilteredAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The ticket index on disk, in Lucene: one Lucene document per ticket, keyed by {@link Ticket#id()} and
 * written with {@code updateDocument}, so a ticket synced twice is replaced, never doubled.
 * Its text (title, description, comments) is analyzed by {@link TracebackFilteredAnalyzer}, the
 * analyzer of the traceback store, with term vectors kept so that a match can be explained by
 * the words it shares with the traceback without storing the text itself.
 *
 * <p>Opened for writing it holds Lucene's write lock (one sync at a time); opened read-only it
 * sees the last commit and works while a sync runs. A folder without an index reads as empty.
 * Thread-safe.
 */
public final class LuceneTicketIndex implements TicketIndex {
    static final String ID = "id";
    static final String TRACKER = "tracker";
    static final String KEY = "key";
    static final String TITLE = "title";
    static final String STATUS = "status";
    static final String URL = "url";
    static final String UPDATED = "updated";
    static final String TEXT = "text";
    static final String LINKED = "linked";

    /** A traceback's distinct words asked for at most (Lucene's clause limit is 1,024). */
    static final int MAX_QUERY_WORDS = 512;
    /** A ticket matches when it shares at least this many distinct words with the traceback (fewer when it has fewer). */
    static final int MIN_SHARED_WORDS = 3;

    /**
     * Words every trace of a runtime prints whatever the bug (headers, chain and elision lines),
     * left out of the query: a ticket that only says "Traceback (most recent call last)" matches
     * every Python group and would outrank one quoting the exception.
     */
    static final Set<String> BOILERPLATE = Set.of("Traceback", "most", "recent", "call", "last",
            "During", "handling", "of", "the", "above", "exception", "another", "occurred", "direct", "cause",
            "following", "Exception", "thread", "main", "Caused", "by", "Suppressed", "more", "common", "frames",
            "omitted", "at", "goroutine", "running", "panic", "from", "End", "stack", "trace", "previous", "location",
            "py", "java", "go", "js", "rb", "cs", "node", "async", "new");

    private static final FieldType TEXT_TYPE = textType();

    private final Path dir;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final TracebackFilteredAnalyzer analyzer = new TracebackFilteredAnalyzer();
    private SearcherManager searchers;

    private LuceneTicketIndex(Path dir, boolean readOnly) throws IOException {
        this.dir = dir;
        if (!readOnly) {
            Files.createDirectories(dir);
        }
        // read-only and missing: no directory at all (FSDirectory.open would create the folder)
        this.directory = readOnly && !Files.isDirectory(dir) ? null : FSDirectory.open(dir);
        this.writer = readOnly ? null : new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        if (writer != null) {
            writer.commit(); // an empty index is a valid one for readers
            searchers = new SearcherManager(writer, null);
        }
    }

    /** The index in {@code dir} for syncing (created if needed); holds its write lock. */
    public static LuceneTicketIndex open(Path dir) {
        try {
            return new LuceneTicketIndex(dir, false);
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            throw new TicketIndexException("The ticket index at " + dir + " is being written by another Tracelens"
                    + " (a tickets sync or create); wait for it to finish", e);
        } catch (IOException e) {
            throw new TicketIndexException("Cannot open the ticket index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The index in {@code dir} for matching only: no lock; a missing index is an empty one. */
    public static LuceneTicketIndex openReadOnly(Path dir) {
        try {
            return new LuceneTicketIndex(dir, true);
        } catch (IOException e) {
            throw new TicketIndexException("Cannot open the ticket index at " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path path() {
        return dir;
    }

    /**
     * Adds or replaces {@code tickets} and commits: a ticket keeps the groups it was linked to.
     * One commit per call, so a sync interrupted between pages keeps every page before.
     */
    @Override
    public void put(Collection<Ticket> tickets) {
        requireWriter();
        try {
            for (Ticket t : tickets) {
                Set<String> linked = new LinkedHashSet<>(linkedGroups(t.id()));
                writer.updateDocument(new Term(ID, t.id()), document(t, linked));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new TicketIndexException("Cannot write the ticket index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Links {@code ticket} (just created from the group) to the group with {@code fingerprint}, and commits. */
    @Override
    public void link(Ticket ticket, String fingerprint) {
        requireWriter();
        try {
            Set<String> linked = new LinkedHashSet<>(linkedGroups(ticket.id()));
            linked.add(fingerprint);
            writer.updateDocument(new Term(ID, ticket.id()), document(ticket, linked));
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new TicketIndexException("Cannot write the ticket index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The trackers the index holds, each with its count and latest update (for incremental syncs). */
    @Override
    public List<TicketSummary> trackers() {
        return search(searcher -> {
            TreeMap<String, long[]> byTracker = new TreeMap<>();
            TopDocs all = searcher.search(new MatchAllDocsQuery(), Math.max(1, searcher.getIndexReader().numDocs()));
            StoredFields fields = searcher.storedFields();
            for (ScoreDoc d : all.scoreDocs) {
                Document doc = fields.document(d.doc, Set.of(TRACKER, UPDATED));
                long[] v = byTracker.computeIfAbsent(doc.get(TRACKER), k -> new long[] {0, Long.MIN_VALUE});
                v[0]++;
                v[1] = Math.max(v[1], doc.getField(UPDATED).numericValue().longValue());
            }
            List<TicketSummary> out = new ArrayList<>();
            byTracker.forEach((k, v) -> out.add(new TicketSummary(k, v[0], Instant.ofEpochMilli(v[1]))));
            return out;
        });
    }

    /** The latest update time among the tickets of {@code tracker}: where its next sync starts. */
    @Override
    public Optional<Instant> lastUpdated(String tracker) {
        return search(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(TRACKER, tracker)), 1,
                    new Sort(new SortField(UPDATED, SortField.Type.LONG, true)));
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document doc = searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(UPDATED));
            return Optional.of(Instant.ofEpochMilli(doc.getField(UPDATED).numericValue().longValue()));
        });
    }

    /** The ticket with {@link Ticket#id()} {@code id}, its text left out. */
    @Override
    public Optional<Ticket> ticket(String id) {
        return search(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(ID, id)), 1);
            return top.scoreDocs.length == 0 ? Optional.empty()
                    : Optional.of(ticketOf(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    /**
     * The tickets whose text matches a traceback's, best first: those linked to its group
     * ({@code fingerprint}) first, then those sharing at least {@value #MIN_SHARED_WORDS} distinct
     * analyzed words with {@code tracebackText}, leaving out {@link #BOILERPLATE}, ranked by BM25
     * over those words (words rare among the tickets weigh more).
     */
    @Override
    public List<TicketMatch> matches(String tracebackText, String fingerprint, int max) {
        List<String> words = distinctWords(tracebackText);
        return search(searcher -> {
            List<TicketMatch> out = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            if (fingerprint != null && !fingerprint.isEmpty()) {
                TopDocs linked = searcher.search(new TermQuery(new Term(LINKED, fingerprint)), max);
                for (ScoreDoc d : linked.scoreDocs) {
                    seen.add(d.doc);
                    out.add(new TicketMatch(ticketOf(searcher.storedFields().document(d.doc)), Double.POSITIVE_INFINITY,
                            shared(searcher, d.doc, words), true));
                }
            }
            if (words.isEmpty() || out.size() >= max) {
                return out;
            }
            TopDocs hits = searcher.search(wordsQuery(words), max + seen.size());
            for (ScoreDoc d : hits.scoreDocs) {
                if (out.size() >= max) {
                    break;
                }
                if (seen.add(d.doc)) {
                    out.add(new TicketMatch(ticketOf(searcher.storedFields().document(d.doc)), d.score,
                            shared(searcher, d.doc, words), false));
                }
            }
            return out;
        });
    }

    private List<String> distinctWords(String text) {
        Set<String> words = new LinkedHashSet<>(analyzer.tokens(text == null ? "" : text));
        words.removeAll(BOILERPLATE);
        return words.stream().limit(MAX_QUERY_WORDS).toList();
    }

    private static Query wordsQuery(List<String> words) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String w : words) {
            q.add(new TermQuery(new Term(TEXT, w)), BooleanClause.Occur.SHOULD);
        }
        q.setMinimumNumberShouldMatch(Math.min(MIN_SHARED_WORDS, words.size()));
        return q.build();
    }

    private static List<String> shared(IndexSearcher searcher, int doc, List<String> words) throws IOException {
        TermVectors vectors = searcher.getIndexReader().termVectors();
        Terms terms = vectors.get(doc, TEXT);
        if (terms == null) {
            return List.of();
        }
        TermsEnum e = terms.iterator();
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (e.seekExact(new BytesRef(w))) {
                out.add(w);
            }
        }
        return out;
    }

    private Set<String> linkedGroups(String id) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(new TermQuery(new Term(ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return Set.of();
            }
            return new LinkedHashSet<>(List.of(s.storedFields().document(top.scoreDocs[0].doc).getValues(LINKED)));
        } finally {
            searchers.release(s);
        }
    }

    private static Document document(Ticket t, Set<String> linked) {
        Document doc = new Document();
        doc.add(new StringField(ID, t.id(), Field.Store.YES));
        doc.add(new StringField(TRACKER, t.tracker(), Field.Store.YES));
        doc.add(new StoredField(KEY, t.key()));
        doc.add(new StoredField(TITLE, t.title()));
        doc.add(new StoredField(STATUS, t.status()));
        doc.add(new StoredField(URL, t.url()));
        long updated = t.updated().toEpochMilli();
        doc.add(new LongPoint(UPDATED, updated));
        doc.add(new NumericDocValuesField(UPDATED, updated));
        doc.add(new StoredField(UPDATED, updated));
        doc.add(new Field(TEXT, t.text(), TEXT_TYPE));
        for (String fingerprint : linked) {
            doc.add(new StringField(LINKED, fingerprint, Field.Store.YES));
        }
        return doc;
    }

    private static Ticket ticketOf(Document doc) {
        return new Ticket(doc.get(TRACKER), doc.get(KEY), doc.get(TITLE), doc.get(STATUS), doc.get(URL),
                Instant.ofEpochMilli(doc.getField(UPDATED).numericValue().longValue()), "", List.of());
    }

    private static FieldType textType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setTokenized(true);
        type.setStored(false);
        type.setStoreTermVectors(true); // to explain a match by its shared words
        type.freeze();
        return type;
    }

    private interface Work<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T search(Work<T> work) {
        try {
            if (writer != null) {
                IndexSearcher s = searchers.acquire();
                try {
                    return work.apply(s);
                } finally {
                    searchers.release(s);
                }
            }
            if (directory == null || !DirectoryReader.indexExists(directory)) {
                return work.apply(new IndexSearcher(new org.apache.lucene.index.MultiReader()));
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                return work.apply(new IndexSearcher(reader));
            }
        } catch (IOException e) {
            throw new TicketIndexException("Cannot read the ticket index at " + dir + ": " + e.getMessage(), e);
        }
    }

    private void requireWriter() {
        if (writer == null) {
            throw new IllegalStateException("the ticket index was opened read-only");
        }
    }

    @Override
    public void close() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
            analyzer.close();
        } catch (IOException e) {
            throw new TicketIndexException("Cannot close the ticket index at " + dir + ": " + e.getMessage(), e);
        }
    }
}
