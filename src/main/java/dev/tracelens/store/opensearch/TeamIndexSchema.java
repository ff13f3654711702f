package dev.tracelens.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelens.store.StoreException;
import dev.tracelens.store.TracebackFilteredAnalyzer;

import java.util.Iterator;
import java.util.Map;

/**
 * The team index's settings and mapping, made by Tracelens when the index does not exist.
 *
 * <p>The {@code traceback_filtered} analyzer is the embedded store's, definition for definition:
 * a {@code pattern_replace} char filter with {@link TracebackFilteredAnalyzer#FILTER_PATTERN}
 * (replacement empty) before the {@code letter} tokenizer, no token filter (case-sensitive). The
 * document fields are the local store's ({@code StoreSchema}): keywords with doc values for host,
 * program, exceptionType, language, fingerprint, archive; {@code time} (the header row's, epoch
 * ms) a date; {@code firstId}/{@code lastId} longs; {@code text} analyzed with positions (phrase
 * matches for historical reflection) and no norms; the traceback and its context rows as
 * unindexed objects in {@code _source}. Archive records and worker leases live in the same
 * index, told apart by {@code kind}. The mapping's {@code _meta} holds {@link #VERSION}; an index
 * without it, with another version or with other field definitions is refused, never changed.
 */
final class TeamIndexSchema {
    /** The index format; raised when a field's definition changes. */
    static final int VERSION = 1;
    static final String META_KEY = "tracelens_schema";

    static final String KIND = "kind";
    static final String KIND_TRACEBACK = "traceback";
    static final String KIND_ARCHIVE = "archive";
    static final String KIND_LEASE = "lease";
    static final String KEY = "key";
    static final String FIRST_ID = "firstId";
    static final String LAST_ID = "lastId";
    static final String TIME = "time";
    static final String HOST = "host";
    static final String PROGRAM = "program";
    static final String EXCEPTION_TYPE = "exceptionType";
    static final String LANGUAGE = "language";
    static final String FINGERPRINT = "fingerprint";
    static final String ARCHIVE = "archive";
    static final String TEXT = "text";
    static final String MESSAGE_SAMPLE = "messageSample";
    static final String TRACEBACK = "traceback";
    static final String CONTEXT = "context";
    static final String ARCHIVE_NAME = "archiveName";
    static final String ARCHIVE_RECORD = "archiveRecord";
    static final String LEASE_OWNER = "leaseOwner";
    static final String LEASE_EXPIRES = "leaseExpires";
    static final int MESSAGE_SAMPLE_CHARS = 200;

    private TeamIndexSchema() {
    }

    static ObjectNode analysis() {
        ObjectNode a = OpenSearchConnection.JSON.createObjectNode();
        a.putObject("char_filter").putObject("traceback_filter")
                .put("type", "pattern_replace")
                .put("pattern", TracebackFilteredAnalyzer.FILTER_PATTERN)
                .put("replacement", "");
        ObjectNode analyzer = a.putObject("analyzer").putObject(TracebackFilteredAnalyzer.NAME);
        analyzer.put("type", "custom");
        analyzer.putArray("char_filter").add("traceback_filter");
        analyzer.put("tokenizer", "letter");
        return a;
    }

    static ObjectNode properties() {
        ObjectNode p = OpenSearchConnection.JSON.createObjectNode();
        for (String k : new String[]{KIND, KEY, HOST, PROGRAM, EXCEPTION_TYPE, LANGUAGE, FINGERPRINT, ARCHIVE,
                ARCHIVE_NAME, LEASE_OWNER}) {
            p.putObject(k).put("type", "keyword");
        }
        p.putObject(FIRST_ID).put("type", "long");
        p.putObject(LAST_ID).put("type", "long");
        p.putObject(TIME).put("type", "date").put("format", "epoch_millis");
        p.putObject(LEASE_EXPIRES).put("type", "date").put("format", "epoch_millis");
        p.putObject(TEXT).put("type", "text").put("analyzer", TracebackFilteredAnalyzer.NAME)
                .put("index_options", "positions").put("norms", false);
        p.putObject(MESSAGE_SAMPLE).put("type", "keyword").put("index", false);
        for (String k : new String[]{TRACEBACK, CONTEXT, ARCHIVE_RECORD}) {
            p.putObject(k).put("type", "object").put("enabled", false);
        }
        return p;
    }

    /** The body of {@code PUT /INDEX}. */
    static ObjectNode createBody(int shards, int replicas) {
        ObjectNode body = OpenSearchConnection.JSON.createObjectNode();
        ObjectNode index = body.putObject("settings").putObject("index");
        index.put("number_of_shards", shards);
        index.put("number_of_replicas", replicas);
        index.set("analysis", analysis());
        ObjectNode mappings = body.putObject("mappings");
        mappings.put("dynamic", "strict");
        mappings.putObject("_meta").put(META_KEY, VERSION);
        mappings.set("properties", properties());
        return body;
    }

    /**
     * Refuses an existing index that Tracelens did not make with this schema: {@code mapping} is
     * the index's entry of {@code GET /INDEX/_mapping}, {@code analysis} its {@code index.analysis} settings.
     */
    static void check(TeamIndexAddress address, JsonNode mapping, JsonNode analysis) {
        JsonNode meta = mapping.path("_meta").path(META_KEY);
        if (meta.isMissingNode()) {
            throw new StoreException("The index " + address + " exists but was not made by Tracelens (its mapping has"
                    + " no _meta." + META_KEY + "); Tracelens will not write into it. Name another index.");
        }
        if (meta.asInt() != VERSION) {
            throw new StoreException("The index " + address + " has Tracelens schema " + meta.asText() + ", this"
                    + " Tracelens knows schema " + VERSION + (meta.asInt() > VERSION ? "; update Tracelens" : "")
                    + ". Name another index, or reindex it.");
        }
        JsonNode have = mapping.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties().properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> want = it.next();
            JsonNode got = have.path(want.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> f = want.getValue().properties().iterator(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> attr = f.next();
                // OpenSearch leaves a default out of the mapping it returns (index_options=positions for text).
                String value = got.path(attr.getKey()).isMissingNode() && attr.getKey().equals("index_options")
                        ? "positions" : got.path(attr.getKey()).asText();
                if (!value.equals(attr.getValue().asText())) {
                    throw new StoreException("The index " + address + " has another mapping than Tracelens schema "
                            + VERSION + ": field '" + want.getKey() + "' has " + attr.getKey() + "="
                            + (got.path(attr.getKey()).isMissingNode() ? "(none)" : got.path(attr.getKey()).asText())
                            + ", expected " + attr.getValue().asText() + ". Name another index.");
                }
            }
        }
        JsonNode filter = analysis.path("char_filter").path("traceback_filter");
        JsonNode analyzer = analysis.path("analyzer").path(TracebackFilteredAnalyzer.NAME);
        if (!filter.path("pattern").asText().equals(TracebackFilteredAnalyzer.FILTER_PATTERN)
                || !filter.path("replacement").asText("").isEmpty()
                || !analyzer.path("tokenizer").asText().equals("letter")
                || analyzer.has("filter") && !analyzer.path("filter").isEmpty()) {
            throw new StoreException("The index " + address + " defines the " + TracebackFilteredAnalyzer.NAME
                    + " analyzer differently from Tracelens (letter tokenizer after the pattern_replace char filter"
                    + " with Tracelens's pattern); name another index.");
        }
    }
}
