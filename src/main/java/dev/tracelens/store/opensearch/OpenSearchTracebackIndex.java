package dev.tracelens.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelens.archive.ReaderOptions;
import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.store.ArchiveScan;
import dev.tracelens.store.BackendSupport;
import dev.tracelens.store.BucketSize;
import dev.tracelens.store.GroupList;
import dev.tracelens.store.GroupSort;
import dev.tracelens.store.GroupSummary;
import dev.tracelens.store.HistoricalReflection;
import dev.tracelens.store.History;
import dev.tracelens.store.HistoryBucket;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ImportResult;
import dev.tracelens.store.SearchResult;
import dev.tracelens.store.StoreException;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.TracebackFilteredAnalyzer;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.TraceOptions;
import dev.tracelens.traceback.Traceback;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A team's shared index on OpenSearch behind {@link TracebackIndex}: the same documents, keys,
 * analyzer and answers as the embedded store, with groups, counts, first/last seen and history
 * computed by aggregations in the cluster (never by fetching documents). Made by Tracelens on
 * first write ({@link TeamIndexSchema}); an index with another mapping is refused.
 *
 * <p>Thread-safe: the REST client is; imports, prunes and clears of one instance are serialised.
 * Several processes may write the same index: documents are keyed {@code firstId/ordinal}, so two
 * writers of the same archive write the same documents. Queries see what was refreshed: each
 * archive's registry document is written with a refresh, {@link #refresh()} refreshes.
 */
public final class OpenSearchTracebackIndex implements TracebackIndex {
    /** The most groups one aggregation returns (OpenSearch's default {@code search.max_buckets} is 65,535). */
    static final int MAX_GROUPS = 65_000;
    /** The most hits one search returns ({@code index.max_result_window}). */
    static final int MAX_HITS = 10_000;
    static final int MAX_HISTORY_BUCKETS = 200_000;

    private final OpenSearchConnection connection;
    private final boolean readOnly;
    private final TeamDocuments documents = new TeamDocuments();
    private final TracebackFilteredAnalyzer analyzer = new TracebackFilteredAnalyzer();
    private final Object writeLock = new Object();
    private final long bulkBytes;

    private OpenSearchTracebackIndex(OpenSearchConnection connection, boolean readOnly, long bulkBytes) {
        this.connection = connection;
        this.readOnly = readOnly;
        this.bulkBytes = bulkBytes;
    }

    /** Opens the index for reading and writing, creating it (with the analyzer and mapping) when it does not exist. */
    public static OpenSearchTracebackIndex open(TeamIndexAddress address, TeamIndexCredentials credentials) {
        return open(address, credentials, false, BulkIndexer.DEFAULT_MAX_BYTES);
    }

    /** Opens an existing index for queries only. */
    public static OpenSearchTracebackIndex openReadOnly(TeamIndexAddress address, TeamIndexCredentials credentials) {
        return open(address, credentials, true, BulkIndexer.DEFAULT_MAX_BYTES);
    }

    /** As {@link #open}, with bulk requests of about {@code bulkBytes}. */
    public static OpenSearchTracebackIndex open(TeamIndexAddress address, TeamIndexCredentials credentials,
                                                boolean readOnly, long bulkBytes) {
        OpenSearchConnection c = new OpenSearchConnection(address, credentials);
        try {
            prepare(c, readOnly);
            return new OpenSearchTracebackIndex(c, readOnly, bulkBytes);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static void prepare(OpenSearchConnection c, boolean readOnly) {
        for (int attempt = 0; attempt < 2; attempt++) {
            OpenSearchConnection.Reply r = c.send("GET", c.indexPath(""), null, Map.of());
            if (r.status() == 200) {
                JsonNode entry = r.body().elements().hasNext() ? r.body().elements().next() : r.body();
                TeamIndexSchema.check(c.address(), entry.path("mappings"),
                        entry.path("settings").path("index").path("analysis"));
                return;
            }
            if (r.status() != 404) {
                throw c.failure("GET", c.indexPath(""), r);
            }
            if (readOnly) {
                throw new StoreException("There is no team index " + c.address() + " yet; import into it first"
                        + " (tracelens import --store " + c.address() + " ...) or start a worker on it");
            }
            OpenSearchConnection.Reply made = c.send("PUT", c.indexPath(""),
                    OpenSearchConnection.write(TeamIndexSchema.createBody(1, 0)), Map.of("wait_for_active_shards", "1"));
            if (made.status() < 300) {
                return;
            }
            if (!OpenSearchConnection.reason(made.body()).startsWith("resource_already_exists_exception")) {
                throw c.failure("PUT", c.indexPath(""), made);
            }
            // Another writer made it at the same moment: check what it made.
        }
    }

    static String keyOf(long firstId, int ordinal) {
        return firstId + "/" + ordinal;
    }

    OpenSearchConnection connection() {
        return connection;
    }

    TeamDocuments documents() {
        return documents;
    }

    /** The index's address, e.g. for messages. */
    public TeamIndexAddress address() {
        return connection.address();
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public void validate(String query) {
        BackendSupport.validateQuery(query);
    }

    // ---- queries -------------------------------------------------------------------------------

    private ObjectNode query(StoreFilter filter) {
        ObjectNode q = json();
        ObjectNode bool = q.putObject("bool");
        ArrayNode f = bool.putArray("filter");
        f.addObject().putObject("term").put(TeamIndexSchema.KIND, TeamIndexSchema.KIND_TRACEBACK);
        if (filter.since() != null || filter.until() != null) {
            ObjectNode range = f.addObject().putObject("range").putObject(TeamIndexSchema.TIME);
            if (filter.since() != null) {
                range.put("gte", filter.since().toEpochMilli());
            }
            if (filter.until() != null) {
                range.put("lt", filter.until().toEpochMilli());
            }
        }
        terms(f, TeamIndexSchema.HOST, filter.hosts());
        terms(f, TeamIndexSchema.PROGRAM, filter.programs());
        terms(f, TeamIndexSchema.EXCEPTION_TYPE, filter.types());
        terms(f, TeamIndexSchema.LANGUAGE, filter.languages());
        if (filter.fingerprint() != null && !filter.fingerprint().isBlank()) {
            f.addObject().putObject("term").put(TeamIndexSchema.FINGERPRINT, filter.fingerprint());
        }
        if (filter.hasText()) {
            validate(filter.text());
            ObjectNode qs = bool.putArray("must").addObject().putObject("query_string");
            qs.put("query", filter.text());
            qs.put("default_field", TeamIndexSchema.TEXT);
            qs.put("default_operator", "AND");
            qs.put("allow_leading_wildcard", true);
        }
        return q;
    }

    private static void terms(ArrayNode filter, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = filter.addObject().putObject("terms").putArray(field);
            values.forEach(a::add);
        }
    }

    private JsonNode search(ObjectNode body) {
        return connection.call("POST", connection.indexPath("/_search"), body);
    }

    private static ObjectNode json() {
        return OpenSearchConnection.JSON.createObjectNode();
    }

    private static void newestFirst(ObjectNode body) {
        ArrayNode sort = body.putArray("sort");
        sort.addObject().put(TeamIndexSchema.TIME, "desc");
        sort.addObject().put(TeamIndexSchema.FIRST_ID, "desc");
    }

    @Override
    public SearchResult search(StoreFilter filter, int limit) {
        ObjectNode body = json();
        body.set("query", query(filter));
        body.put("size", Math.min(MAX_HITS, Math.max(0, limit)));
        body.put("track_total_hits", true);
        body.putArray("_source").add(TeamIndexSchema.TRACEBACK);
        if (filter.hasText()) {
            ArrayNode sort = body.putArray("sort");
            sort.add("_score");
            sort.addObject().put(TeamIndexSchema.TIME, "desc");
            sort.addObject().put(TeamIndexSchema.FIRST_ID, "desc");
        } else {
            newestFirst(body);
        }
        JsonNode r = search(body);
        List<Traceback> hits = new ArrayList<>();
        for (JsonNode h : r.path("hits").path("hits")) {
            hits.add(documents.traceback(h.path("_source")));
        }
        return new SearchResult(r.path("hits").path("total").path("value").asLong(), hits);
    }

    @Override
    public GroupList groups(StoreFilter filter, GroupSort sort, int limit) {
        int size = Math.max(1, Math.min(MAX_GROUPS, limit));
        ObjectNode body = json();
        body.set("query", query(filter));
        body.put("size", 0);
        body.put("track_total_hits", true);
        ObjectNode aggs = body.putObject("aggs");
        ObjectNode terms = aggs.putObject("groups").putObject("terms");
        terms.put("field", TeamIndexSchema.FINGERPRINT).put("size", size);
        ArrayNode order = terms.putArray("order");
        if (sort == GroupSort.COUNT) {
            order.addObject().put("_count", "desc");
            order.addObject().put("last", "desc");
        } else {
            order.addObject().put("last", "desc");
            order.addObject().put("_count", "desc");
        }
        order.addObject().put("_key", "asc");
        ObjectNode sub = aggs.with("groups").putObject("aggs");
        sub.putObject("first").putObject("min").put("field", TeamIndexSchema.TIME);
        sub.putObject("last").putObject("max").put("field", TeamIndexSchema.TIME);
        sub.putObject("hosts").putObject("terms").put("field", TeamIndexSchema.HOST).put("size", 10_000);
        sub.putObject("programs").putObject("terms").put("field", TeamIndexSchema.PROGRAM).put("size", 10_000);
        ObjectNode rep = sub.putObject("rep").putObject("top_hits");
        rep.put("size", 1).put("_source", false);
        newestFirst(rep);
        rep.putArray("docvalue_fields").add(TeamIndexSchema.FIRST_ID).add(TeamIndexSchema.EXCEPTION_TYPE)
                .add(TeamIndexSchema.MESSAGE_SAMPLE);
        aggs.putObject("count").putObject("cardinality").put("field", TeamIndexSchema.FINGERPRINT)
                .put("precision_threshold", 40_000);
        JsonNode r = search(body);
        JsonNode buckets = r.path("aggregations").path("groups").path("buckets");
        List<GroupSummary> out = new ArrayList<>();
        for (JsonNode b : buckets) {
            if (out.size() >= limit) {
                break;
            }
            JsonNode fields = b.path("rep").path("hits").path("hits").path(0).path("fields");
            out.add(new GroupSummary(b.path("key").asText(), fields.path(TeamIndexSchema.EXCEPTION_TYPE).path(0).asText(""),
                    fields.path(TeamIndexSchema.MESSAGE_SAMPLE).path(0).asText(""), b.path("doc_count").asLong(),
                    Instant.ofEpochMilli(b.path("first").path("value").asLong()),
                    Instant.ofEpochMilli(b.path("last").path("value").asLong()),
                    keys(b.path("hosts")), keys(b.path("programs")),
                    fields.path(TeamIndexSchema.FIRST_ID).path(0).asLong()));
        }
        boolean all = buckets.size() < size && r.path("aggregations").path("groups").path("sum_other_doc_count").asLong() == 0;
        int total = all ? buckets.size() : (int) r.path("aggregations").path("count").path("value").asLong();
        return new GroupList(r.path("hits").path("total").path("value").asLong(), total, out);
    }

    private static List<String> keys(JsonNode agg) {
        List<String> out = new ArrayList<>();
        for (JsonNode b : agg.path("buckets")) {
            out.add(b.path("key").asText());
        }
        out.sort(null);
        return out;
    }

    @Override
    public History history(String fingerprint, StoreFilter filter, BucketSize size) {
        ObjectNode body = json();
        body.set("query", query(filter.withFingerprint(fingerprint)));
        body.put("size", 0);
        body.put("track_total_hits", true);
        body.putObject("aggs").putObject("h").putObject("date_histogram")
                .put("field", TeamIndexSchema.TIME)
                .put("fixed_interval", size == BucketSize.HOUR ? "1h" : "1d")
                .put("min_doc_count", 1);
        JsonNode r = search(body);
        long total = r.path("hits").path("total").path("value").asLong();
        JsonNode buckets = r.path("aggregations").path("h").path("buckets");
        if (total == 0 && (filter.since() == null || filter.until() == null)) {
            return new History(fingerprint, size, 0, List.of());
        }
        Map<Long, Long> counts = new LinkedHashMap<>();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (JsonNode b : buckets) {
            long key = b.path("key").asLong();
            counts.put(key, b.path("doc_count").asLong());
            min = Math.min(min, key);
            max = Math.max(max, key);
        }
        long w = size.millis();
        long from = floor(filter.since() != null ? filter.since().toEpochMilli() : min, w);
        long last = floor(filter.until() != null ? filter.until().toEpochMilli() - 1 : max, w);
        long n = (last - from) / w + 1;
        if (n > MAX_HISTORY_BUCKETS) {
            throw new StoreException("A history of " + n + " " + size.name().toLowerCase() + "s is too long;"
                    + " narrow the time range or count by day");
        }
        List<HistoryBucket> out = new ArrayList<>((int) Math.max(0, n));
        for (long t = from; t <= last; t += w) {
            out.add(new HistoryBucket(Instant.ofEpochMilli(t), counts.getOrDefault(t, 0L)));
        }
        return new History(fingerprint, size, total, out);
    }

    private static long floor(long millis, long width) {
        return Math.floorDiv(millis, width) * width;
    }

    @Override
    public Optional<HistoricalReflection> reflection(long firstId, int maxIds) {
        Optional<Traceback> source = occurrence(firstId, false);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        String text = source.get().text() == null ? "" : source.get().text();
        int tokens = analyzer.tokens(text).size();
        if (tokens == 0) {
            return Optional.of(new HistoricalReflection(firstId, 0, 0, List.of()));
        }
        ObjectNode body = json();
        ArrayNode f = body.putObject("query").putObject("bool").putArray("filter");
        f.addObject().putObject("term").put(TeamIndexSchema.KIND, TeamIndexSchema.KIND_TRACEBACK);
        f.addObject().putObject("match_phrase").putObject(TeamIndexSchema.TEXT).put("query", text);
        body.put("size", Math.min(MAX_HITS, Math.max(0, maxIds)));
        body.put("track_total_hits", true);
        body.put("_source", false);
        body.putArray("sort").addObject().put(TeamIndexSchema.FIRST_ID, "asc");
        JsonNode r = search(body);
        List<Long> ids = new ArrayList<>();
        for (JsonNode h : r.path("hits").path("hits")) {
            ids.add(h.path("sort").path(0).asLong());
        }
        return Optional.of(new HistoricalReflection(firstId, tokens, r.path("hits").path("total").path("value").asLong(), ids));
    }

    @Override
    public Optional<Traceback> occurrence(long firstId) {
        return occurrence(firstId, true);
    }

    @Override
    public Optional<Traceback> occurrence(long firstId, int ordinal) {
        return ordinal == 0 ? occurrence(firstId, true) : find(TeamIndexSchema.KEY, keyOf(firstId, ordinal), true);
    }

    @Override
    public Optional<Traceback> occurrenceByAnyId(long id) {
        Optional<Traceback> byFirst = occurrence(id, true);
        return byFirst.isPresent() ? byFirst : find(TeamIndexSchema.LAST_ID, id, true);
    }

    private Optional<Traceback> occurrence(long firstId, boolean withContext) {
        Optional<Traceback> first = find(TeamIndexSchema.KEY, keyOf(firstId, 0), withContext);
        return first.isPresent() ? first : find(TeamIndexSchema.FIRST_ID, firstId, withContext);
    }

    private Optional<Traceback> find(String field, Object value, boolean withContext) {
        ObjectNode body = json();
        ArrayNode f = body.putObject("query").putObject("bool").putArray("filter");
        f.addObject().putObject("term").put(TeamIndexSchema.KIND, TeamIndexSchema.KIND_TRACEBACK);
        f.addObject().putObject("term").putPOJO(field, value);
        body.put("size", 1);
        ArrayNode src = body.putArray("_source").add(TeamIndexSchema.TRACEBACK);
        if (withContext) {
            src.add(TeamIndexSchema.CONTEXT);
        }
        body.putArray("sort").addObject().put(TeamIndexSchema.KEY, "asc");
        JsonNode hits = search(body).path("hits").path("hits");
        return hits.isEmpty() ? Optional.empty() : Optional.of(documents.traceback(hits.path(0).path("_source")));
    }

    @Override
    public Optional<Traceback> latest(String fingerprint) {
        ObjectNode body = json();
        body.set("query", query(StoreFilter.ALL.withFingerprint(fingerprint)));
        body.put("size", 1);
        body.putArray("_source").add(TeamIndexSchema.TRACEBACK).add(TeamIndexSchema.CONTEXT);
        newestFirst(body);
        JsonNode hits = search(body).path("hits").path("hits");
        return hits.isEmpty() ? Optional.empty() : Optional.of(documents.traceback(hits.path(0).path("_source")));
    }

    // ---- writes --------------------------------------------------------------------------------

    private void writable() {
        if (readOnly) {
            throw new StoreException("The team index " + address() + " was opened for reading only");
        }
    }

    @Override
    public ImportResult importPaths(List<Path> filesOrFolders, int contextRows, ReaderOptions reading,
                                    ImportListener listener) {
        return importPaths(filesOrFolders, contextRows, reading, TraceOptions.DEFAULT, listener);
    }

    @Override
    public ImportResult importPaths(List<Path> filesOrFolders, int contextRows, ReaderOptions reading,
                                    TraceOptions tracing, ImportListener listener) {
        writable();
        synchronized (writeLock) {
            return new OpenSearchImporter(this, ArchiveScan.engine(contextRows, reading, tracing), bulkBytes)
                    .importPaths(filesOrFolders, listener);
        }
    }

    @Override
    public ImportResult importArchives(List<Path> archives, int contextRows, ReaderOptions reading,
                                       ImportListener listener) {
        writable();
        synchronized (writeLock) {
            return new OpenSearchImporter(this, ArchiveScan.engine(contextRows, reading), bulkBytes)
                    .importArchives(archives, listener);
        }
    }

    /** Imports with a scan of one's own. */
    public ImportResult importArchives(List<Path> archives, ArchiveScan scan, ImportListener listener) {
        writable();
        synchronized (writeLock) {
            return new OpenSearchImporter(this, scan, bulkBytes).importArchives(archives, listener);
        }
    }

    /** Writes an archive's registry document and makes everything written so far visible. */
    void register(ArchiveRecord record) {
        connection.call("PUT", connection.indexPath("/_doc/" + docId("archive:" + record.name())),
                documents.archiveSource(record), Map.of("refresh", "true"));
    }

    static String docId(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- leases (workers) ----------------------------------------------------------------------

    private static String leaseId(String archive) {
        return "lease:" + archive;
    }

    private String leaseSource(String archive, String owner, Instant expires) {
        ObjectNode d = json();
        d.put(TeamIndexSchema.KIND, TeamIndexSchema.KIND_LEASE);
        d.put(TeamIndexSchema.ARCHIVE_NAME, archive);
        d.put(TeamIndexSchema.LEASE_OWNER, owner);
        d.put(TeamIndexSchema.LEASE_EXPIRES, expires.toEpochMilli());
        return documents.write(d);
    }

    /**
     * Claims {@code archive} for {@code owner} until {@code now + ttl}: creates its lease document,
     * or takes over one whose expiry has passed. Empty when another worker holds a live claim or
     * wins the race for an expired one.
     */
    public Optional<ArchiveLease> claim(String archive, String owner, java.time.Duration ttl, Instant now) {
        writable();
        Instant expires = now.plus(ttl);
        String path = connection.indexPath("/_create/" + docId(leaseId(archive)));
        OpenSearchConnection.Reply r = connection.send("PUT", path, leaseSource(archive, owner, expires),
                Map.of("refresh", "true"));
        if (r.status() < 300) {
            return Optional.of(lease(archive, owner, expires, r.body()));
        }
        if (r.status() != 409) {
            throw connection.failure("PUT", path, r);
        }
        String get = connection.indexPath("/_doc/" + docId(leaseId(archive)));
        OpenSearchConnection.Reply held = connection.send("GET", get, null, Map.of());
        if (held.status() == 404) {
            return claim(archive, owner, ttl, now); // released meanwhile
        }
        if (held.status() >= 300) {
            throw connection.failure("GET", get, held);
        }
        long heldUntil = held.body().path("_source").path(TeamIndexSchema.LEASE_EXPIRES).asLong();
        if (heldUntil > now.toEpochMilli()) {
            return Optional.empty();
        }
        return replace(archive, owner, expires, held.body().path("_seq_no").asLong(),
                held.body().path("_primary_term").asLong());
    }

    /** Extends a lease this worker holds; empty when another worker took it over meanwhile. */
    public Optional<ArchiveLease> renew(ArchiveLease lease, java.time.Duration ttl, Instant now) {
        return replace(lease.archive(), lease.owner(), now.plus(ttl), lease.seqNo(), lease.primaryTerm());
    }

    private Optional<ArchiveLease> replace(String archive, String owner, Instant expires, long seqNo, long term) {
        String path = connection.indexPath("/_doc/" + docId(leaseId(archive)));
        OpenSearchConnection.Reply r = connection.send("PUT", path, leaseSource(archive, owner, expires),
                Map.of("if_seq_no", Long.toString(seqNo), "if_primary_term", Long.toString(term), "refresh", "true"));
        if (r.status() == 409 || r.status() == 404) {
            return Optional.empty();
        }
        if (r.status() >= 300) {
            throw connection.failure("PUT", path, r);
        }
        return Optional.of(lease(archive, owner, expires, r.body()));
    }

    /** Gives a lease up (its archive is registered, or the worker stops); a lease taken over meanwhile is left alone. */
    public void release(ArchiveLease lease) {
        String path = connection.indexPath("/_doc/" + docId(leaseId(lease.archive())));
        OpenSearchConnection.Reply r = connection.send("DELETE", path, null, Map.of("if_seq_no",
                Long.toString(lease.seqNo()), "if_primary_term", Long.toString(lease.primaryTerm()), "refresh", "true"));
        if (r.status() >= 300 && r.status() != 404 && r.status() != 409) {
            throw connection.failure("DELETE", path, r);
        }
    }

    private static ArchiveLease lease(String archive, String owner, Instant expires, JsonNode reply) {
        return new ArchiveLease(archive, owner, expires, reply.path("_seq_no").asLong(), reply.path("_primary_term").asLong());
    }

    /** The registry's record of one archive, if any (without its traceback count). */
    public Optional<ArchiveRecord> registered(String archive) {
        String get = connection.indexPath("/_doc/" + docId("archive:" + archive));
        OpenSearchConnection.Reply r = connection.send("GET", get, null, Map.of());
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (r.status() >= 300) {
            throw connection.failure("GET", get, r);
        }
        return Optional.of(documents.archive(r.body().path("_source"), 0));
    }

    @Override
    public long prune(Instant before) {
        writable();
        ObjectNode q = json();
        ArrayNode f = q.putObject("bool").putArray("filter");
        f.addObject().putObject("term").put(TeamIndexSchema.KIND, TeamIndexSchema.KIND_TRACEBACK);
        f.addObject().putObject("range").putObject(TeamIndexSchema.TIME).put("lt", before.toEpochMilli());
        return deleteByQuery(q);
    }

    @Override
    public long clear() {
        writable();
        long tracebacks = tracebackCount();
        ObjectNode q = json();
        q.putObject("terms").putArray(TeamIndexSchema.KIND).add(TeamIndexSchema.KIND_TRACEBACK).add(TeamIndexSchema.KIND_ARCHIVE);
        deleteByQuery(q);
        return tracebacks;
    }

    /**
     * Deletes what {@code query} matches in rounds of search + bulk delete. Not {@code _delete_by_query}:
     * that endpoint lives in OpenSearch's reindex module, which a cluster may lack (the test node has
     * only the core, netty4 and analysis-common), while search and bulk are always there.
     */
    private long deleteByQuery(ObjectNode query) {
        synchronized (writeLock) {
            long deleted = 0;
            while (true) {
                ObjectNode body = json();
                body.set("query", query);
                body.put("size", 1000);
                body.put("_source", false);
                body.put("track_total_hits", false);
                JsonNode hits = connection.call("POST", connection.indexPath("/_search"), body).path("hits").path("hits");
                if (hits.isEmpty()) {
                    return deleted;
                }
                StringBuilder bulk = new StringBuilder();
                for (JsonNode h : hits) {
                    ObjectNode action = json();
                    action.putObject("delete").put("_id", h.path("_id").asText());
                    bulk.append(action).append('\n');
                }
                OpenSearchConnection.Reply r = connection.send("POST", connection.indexPath("/_bulk"), bulk.toString(),
                        Map.of("refresh", "true"));
                if (r.status() >= 300) {
                    throw connection.failure("POST", connection.indexPath("/_bulk"), r);
                }
                long round = 0;
                for (JsonNode item : r.body().path("items")) {
                    JsonNode res = item.path("delete");
                    int status = res.path("status").asInt(0);
                    if (status == 200) {
                        round++;
                    } else if (status != 404) {
                        throw new StoreException("Deleting from the team index " + address() + " failed (HTTP "
                                + status + ", " + OpenSearchConnection.reason(res) + ")");
                    }
                }
                if (round == 0) {
                    throw new StoreException("Deleting from the team index " + address()
                            + " made no progress; the matching documents could not be deleted");
                }
                deleted += round;
            }
        }
    }

    /** Every registered archive by name, in name order, without traceback counts. */
    Map<String, ArchiveRecord> registry() {
        Map<String, ArchiveRecord> out = new LinkedHashMap<>();
        Object after = null;
        while (true) {
            ObjectNode body = json();
            body.putObject("query").putObject("term").put(TeamIndexSchema.KIND, TeamIndexSchema.KIND_ARCHIVE);
            body.put("size", 1000);
            body.putArray("sort").addObject().put(TeamIndexSchema.ARCHIVE_NAME, "asc");
            if (after != null) {
                body.putArray("search_after").addPOJO(after);
            }
            JsonNode hits = search(body).path("hits").path("hits");
            for (JsonNode h : hits) {
                ArchiveRecord r = documents.archive(h.path("_source"), 0);
                out.put(r.name(), r);
                after = h.path("sort").path(0).asText();
            }
            if (hits.size() < 1000) {
                return out;
            }
        }
    }

    @Override
    public List<ArchiveRecord> archives() {
        Map<String, ArchiveRecord> registry = registry();
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(registry.keySet());
        for (int i = 0; i < names.size(); i += 1000) {
            List<String> page = names.subList(i, Math.min(names.size(), i + 1000));
            ObjectNode body = json();
            ArrayNode f = body.putObject("query").putObject("bool").putArray("filter");
            f.addObject().putObject("term").put(TeamIndexSchema.KIND, TeamIndexSchema.KIND_TRACEBACK);
            ArrayNode in = f.addObject().putObject("terms").putArray(TeamIndexSchema.ARCHIVE);
            page.forEach(in::add);
            body.put("size", 0);
            body.putObject("aggs").putObject("a").putObject("terms").put("field", TeamIndexSchema.ARCHIVE)
                    .put("size", page.size());
            for (JsonNode b : search(body).path("aggregations").path("a").path("buckets")) {
                counts.put(b.path("key").asText(), b.path("doc_count").asLong());
            }
        }
        List<ArchiveRecord> out = new ArrayList<>();
        for (ArchiveRecord r : registry.values()) {
            out.add(new ArchiveRecord(r.name(), r.path(), r.sizeBytes(), r.lastModified(), r.checksum(), r.rows(),
                    r.badRows(), counts.getOrDefault(r.name(), 0L), r.complete(), r.importedAt(), r.pendingFrom()));
        }
        return out;
    }

    @Override
    public long tracebackCount() {
        ObjectNode body = json();
        body.putObject("query").putObject("term").put(TeamIndexSchema.KIND, TeamIndexSchema.KIND_TRACEBACK);
        return connection.call("POST", connection.indexPath("/_count"), body).path("count").asLong();
    }

    @Override
    public long sizeOnDisk() {
        JsonNode r = connection.call("GET", connection.indexPath("/_stats/store"), null);
        return r.path("_all").path("primaries").path("store").path("size_in_bytes").asLong();
    }

    @Override
    public void refresh() {
        connection.call("POST", connection.indexPath("/_refresh"), null);
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "team index " + address();
    }

    /** The names of a JSON object's fields. */
    static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
