package dev.tracelens.store;

import dev.tracelens.traceback.Traceback;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one can ask the store: full-text search with filters, groups, a group's history, the
 * "historical reflection" of an occurrence, and single occurrences. Thread-safe; every call
 * works on one consistent point-in-time view and releases it.
 */
public final class StoreQueries {
    /** More buckets than this is a mistake (e.g. hours over decades), not a chart. */
    static final int MAX_BUCKETS = 200_000;

    private static final Set<String> TRACEBACK_ONLY = Set.of(StoreSchema.TRACEBACK_JSON);
    private static final Set<String> WITH_CONTEXT = Set.of(StoreSchema.TRACEBACK_JSON, StoreSchema.CONTEXT_JSON);

    private final TracebackStore store;
    private final StoreQueryBuilder queries;

    public StoreQueries(TracebackStore store) {
        this.store = store;
        this.queries = new StoreQueryBuilder(store.analyzer());
    }

    /**
     * Checks a full-text query without running it.
     *
     * @throws QuerySyntaxException       when it does not parse
     * @throws NoSearchableWordsException when it has no word the analyzer keeps
     */
    public void validate(String text) {
        queries.parse(text);
    }

    /** How many occurrences the filter matches. */
    public long count(StoreFilter filter) {
        Query query = queries.build(filter);
        return store.search(searcher -> (long) searcher.count(query));
    }

    /** Occurrences under the filter: best match first with a text query, otherwise newest first. */
    public SearchResult search(StoreFilter filter, int limit) {
        Query query = queries.build(filter);
        return store.search(searcher -> {
            int total = searcher.count(query);
            int n = Math.max(1, limit);
            TopDocs top = filter.hasText()
                    ? searcher.search(query, n)
                    : searcher.search(query, n, new Sort(new SortField(StoreSchema.TIME, SortField.Type.LONG, true),
                    new SortField(StoreSchema.FIRST_ID, SortField.Type.LONG, true)));
            StoredFields stored = searcher.storedFields();
            List<Traceback> hits = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                if (hits.size() >= limit) {
                    break;
                }
                hits.add(load(stored, sd.doc, false));
            }
            return new SearchResult(total, hits);
        });
    }

    /** Groups under the filter, sorted, the first {@code limit} of them with their message sample. */
    public GroupList groups(StoreFilter filter, GroupSort sort, int limit) {
        Query query = queries.build(filter);
        return store.search(searcher -> {
            Map<String, GroupCollector.Group> all = searcher.search(query, GroupCollector.manager());
            Comparator<GroupCollector.Group> byCount = Comparator.comparingLong(g -> -g.count);
            Comparator<GroupCollector.Group> byLast = Comparator.comparingLong(g -> -g.lastSeen);
            Comparator<GroupCollector.Group> order = (sort == GroupSort.COUNT ? byCount.thenComparing(byLast)
                    : byLast.thenComparing(byCount)).thenComparing(g -> g.fingerprint);
            List<GroupCollector.Group> top = all.values().stream().sorted(order).limit(Math.max(0, limit)).toList();
            String[] messages = messages(searcher, top);
            List<GroupSummary> out = new ArrayList<>(top.size());
            long occurrences = 0;
            for (GroupCollector.Group g : all.values()) {
                occurrences += g.count;
            }
            for (int i = 0; i < top.size(); i++) {
                GroupCollector.Group g = top.get(i);
                out.add(new GroupSummary(g.fingerprint, g.exceptionType, messages[i], g.count,
                        Instant.ofEpochMilli(g.firstSeen), Instant.ofEpochMilli(g.lastSeen),
                        g.hosts.stream().sorted().toList(), g.programs.stream().sorted().toList(), g.repFirstId));
            }
            return new GroupList(occurrences, all.size(), out);
        });
    }

    /** Message samples of the representatives, read from doc values segment by segment in doc order. */
    private static String[] messages(IndexSearcher searcher, List<GroupCollector.Group> groups) throws IOException {
        String[] out = new String[groups.size()];
        Integer[] order = new Integer[groups.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> groups.get(i).repLeaf)
                .thenComparingInt(i -> groups.get(i).repDoc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        BinaryDocValues values = null;
        int currentLeaf = -1;
        for (int i : order) {
            GroupCollector.Group g = groups.get(i);
            if (g.repLeaf != currentLeaf) {
                currentLeaf = g.repLeaf;
                values = DocValues.getBinary(leaves.get(currentLeaf).reader(), StoreSchema.MESSAGE_SAMPLE);
            }
            out[i] = values.advanceExact(g.repDoc) ? values.binaryValue().utf8ToString() : "";
        }
        return out;
    }

    /**
     * A group's occurrences per hour or day under the filter (its fingerprint is set to the
     * group's). The buckets span the filter's time range, or the group's first to last occurrence
     * when the filter leaves it open.
     */
    public History history(String fingerprint, StoreFilter filter, BucketSize size) {
        Query query = queries.build(filter.withFingerprint(fingerprint));
        long[] times = store.search(searcher -> searcher.search(query, LongValuesCollector.of(StoreSchema.TIME)));
        if (times.length == 0 && (filter.since() == null || filter.until() == null)) {
            return new History(fingerprint, size, 0, List.of());
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long t : times) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        long from = size.floor(filter.since() != null ? filter.since().toEpochMilli() : min);
        long last = size.floor(filter.until() != null ? filter.until().toEpochMilli() - 1 : max);
        long buckets = (last - from) / size.millis() + 1;
        if (buckets > MAX_BUCKETS) {
            throw new StoreException("A history of " + buckets + " " + size.name().toLowerCase() + "s is too long;"
                    + " narrow the time range or count by day");
        }
        long[] counts = new long[(int) Math.max(0, buckets)];
        for (long t : times) {
            counts[(int) ((size.floor(t) - from) / size.millis())]++;
        }
        List<HistoryBucket> out = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            out.add(new HistoryBucket(Instant.ofEpochMilli(from + i * size.millis()), counts[i]));
        }
        return new History(fingerprint, size, times.length, out);
    }

    /**
     * The languages of the stored tracebacks ({@code python}, {@code java}, ...), sorted; documents
     * written before tracebacks had a language field count as Python. Reads the terms of one
     * keyword field and counts each: cheap next to any group query.
     */
    public List<String> languages() {
        return store.search(searcher -> {
            java.util.TreeSet<String> out = new java.util.TreeSet<>();
            org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(
                    searcher.getIndexReader(), StoreSchema.LANGUAGE);
            int withLanguage = 0;
            if (terms != null) {
                org.apache.lucene.index.TermsEnum e = terms.iterator();
                for (BytesRef t = e.next(); t != null; t = e.next()) {
                    String language = t.utf8ToString();
                    int n = searcher.count(new TermQuery(new Term(StoreSchema.LANGUAGE, language)));
                    if (n > 0) {
                        out.add(language);
                        withLanguage += n;
                    }
                }
            }
            int all = searcher.count(new TermQuery(new Term(StoreSchema.KIND, StoreSchema.KIND_TRACEBACK)));
            if (all > withLanguage) {
                out.add("python");
            }
            return List.copyOf(out);
        });
    }

    /**
     * The words of the traceback text that equal {@code word} but for letter case (the search is
     * case-sensitive: {@code keyerror} finds nothing while {@code KeyError} is stored), at most
     * {@code max}, in index order; never {@code word} itself.
     */
    public List<String> otherCasings(String word, int max) {
        if (word == null || word.isBlank() || max <= 0) {
            return List.of();
        }
        StringBuilder pattern = new StringBuilder();
        word.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                pattern.append('\\');
            }
            pattern.appendCodePoint(c);
        });
        org.apache.lucene.search.RegexpQuery query = new org.apache.lucene.search.RegexpQuery(
                new Term(StoreSchema.TEXT, pattern.toString()), org.apache.lucene.util.automaton.RegExp.NONE,
                org.apache.lucene.util.automaton.RegExp.ASCII_CASE_INSENSITIVE,
                org.apache.lucene.util.automaton.Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
        return store.search(searcher -> {
            org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(
                    searcher.getIndexReader(), StoreSchema.TEXT);
            List<String> out = new ArrayList<>();
            if (terms == null) {
                return out;
            }
            try {
                org.apache.lucene.index.TermsEnum e = query.getCompiled().getTermsEnum(terms);
                for (BytesRef t = e.next(); t != null && out.size() < max; t = e.next()) {
                    String term = t.utf8ToString();
                    if (!term.equals(word)) {
                        out.add(term);
                    }
                }
            } catch (IOException ex) {
                throw new StoreException("Cannot read the index's words: " + ex.getMessage(), ex);
            }
            return out;
        });
    }

    /**
     * The "historical reflection" of an occurrence: every stored traceback, across all imported
     * time and regardless of filters, whose analyzed text contains the occurrence's whole token
     * sequence.
     *
     * @return empty when no occurrence has this id
     */
    public Optional<HistoricalReflection> reflection(long firstId, int maxIds) {
        Optional<Traceback> source = occurrence(firstId, false);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        List<String> tokens = store.analyzer().tokens(source.get().text() == null ? "" : source.get().text());
        if (tokens.isEmpty()) {
            return Optional.of(new HistoricalReflection(firstId, 0, 0, List.of()));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int i = 0; i < tokens.size(); i++) {
            phrase.add(new Term(StoreSchema.TEXT, tokens.get(i)), i);
        }
        Query query = new BooleanQuery.Builder()
                .add(StoreQueryBuilder.tracebacks(), BooleanClause.Occur.FILTER)
                .add(phrase.build(), BooleanClause.Occur.FILTER)
                .build();
        long[] ids = store.search(searcher -> searcher.search(query, LongValuesCollector.of(StoreSchema.FIRST_ID)));
        Arrays.sort(ids);
        List<Long> firstIds = Arrays.stream(ids).limit(Math.max(0, maxIds)).boxed().toList();
        return Optional.of(new HistoricalReflection(firstId, tokens.size(), ids.length, firstIds));
    }

    /**
     * The occurrence whose header row has this Papertrail id, with its context rows: the first
     * traceback of that row when the row holds several (see {@link #occurrence(long, int)}).
     */
    public Optional<Traceback> occurrence(long firstId) {
        return occurrence(firstId, true);
    }

    /** The {@code ordinal}-th (from 0) traceback whose header is in row {@code firstId}, with its context rows. */
    public Optional<Traceback> occurrence(long firstId, int ordinal) {
        return ordinal == 0 ? occurrence(firstId, true)
                : find(new TermQuery(TracebackDocuments.key(firstId, ordinal)), true);
    }

    /**
     * The occurrence one of whose ids this is: the id of its header row ({@code firstId}) or of the
     * row that ends it ({@code id}, as {@code scan --format jsonl} and reports show it).
     */
    public Optional<Traceback> occurrenceByAnyId(long id) {
        Optional<Traceback> byFirst = occurrence(id, true);
        return byFirst.isPresent() ? byFirst
                : find(new TermQuery(new Term(StoreSchema.LAST_ID, Long.toString(id))), true);
    }

    private Optional<Traceback> occurrence(long firstId, boolean withContext) {
        Optional<Traceback> first = find(new TermQuery(TracebackDocuments.key(firstId, 0)), withContext);
        // A store of format 1 opened read-only has no keys; its documents all have ordinal 0.
        return first.isPresent() ? first : find(new TermQuery(TracebackDocuments.firstId(firstId)), withContext);
    }

    private Optional<Traceback> find(Query key, boolean withContext) {
        Query query = new BooleanQuery.Builder()
                .add(StoreQueryBuilder.tracebacks(), BooleanClause.Occur.FILTER)
                .add(key, BooleanClause.Occur.FILTER)
                .build();
        return store.search(searcher -> {
            TopDocs top = searcher.search(query, 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(load(searcher.storedFields(), top.scoreDocs[0].doc, withContext));
        });
    }

    /** The latest occurrence of a group, with its context rows. */
    public Optional<Traceback> latest(String fingerprint) {
        Query query = queries.build(StoreFilter.ALL.withFingerprint(fingerprint));
        return store.search(searcher -> {
            TopDocs top = searcher.search(query, 1, new Sort(new SortField(StoreSchema.TIME, SortField.Type.LONG, true),
                    new SortField(StoreSchema.FIRST_ID, SortField.Type.LONG, true)));
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(load(searcher.storedFields(), top.scoreDocs[0].doc, true));
        });
    }

    private Traceback load(StoredFields stored, int doc, boolean withContext) throws IOException {
        Document d = stored.document(doc, withContext ? WITH_CONTEXT : TRACEBACK_ONLY);
        BytesRef context = withContext ? d.getBinaryValue(StoreSchema.CONTEXT_JSON) : null;
        return store.documents().fromStored(d.getBinaryValue(StoreSchema.TRACEBACK_JSON), context);
    }
}
