package dev.tracelens.store.opensearch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.store.BackendSupport;
import dev.tracelens.store.StoreException;
import dev.tracelens.traceback.ContextLine;
import dev.tracelens.traceback.Traceback;

import java.util.List;

/**
 * Maps a {@link Traceback} to its team-index document ({@code _source}) and back, and archive
 * records likewise: the fields of {@link TeamIndexSchema}, the traceback (without context) and its
 * context rows as JSON objects in the same shape as the embedded store's stored fields.
 */
final class TeamDocuments {
    private static final TypeReference<List<ContextLine>> CONTEXT = new TypeReference<>() { };

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    String source(Traceback t) {
        ObjectNode d = mapper.createObjectNode();
        d.put(TeamIndexSchema.KIND, TeamIndexSchema.KIND_TRACEBACK);
        d.put(TeamIndexSchema.KEY, OpenSearchTracebackIndex.keyOf(t.firstId(), t.ordinal()));
        d.put(TeamIndexSchema.FIRST_ID, t.firstId());
        d.put(TeamIndexSchema.LAST_ID, t.id());
        d.put(TeamIndexSchema.TIME, t.timestamp().toEpochMilli());
        d.put(TeamIndexSchema.HOST, nn(t.host()));
        d.put(TeamIndexSchema.PROGRAM, nn(t.program()));
        d.put(TeamIndexSchema.EXCEPTION_TYPE, nn(t.exceptionType()));
        d.put(TeamIndexSchema.LANGUAGE, nn(t.language()));
        d.put(TeamIndexSchema.FINGERPRINT, nn(t.fingerprint()));
        d.put(TeamIndexSchema.ARCHIVE, nn(t.archive()));
        d.put(TeamIndexSchema.TEXT, nn(t.text()));
        d.put(TeamIndexSchema.MESSAGE_SAMPLE, BackendSupport.messageSample(t.message()));
        d.set(TeamIndexSchema.TRACEBACK, mapper.valueToTree(t.withContext(List.of())));
        d.set(TeamIndexSchema.CONTEXT, mapper.valueToTree(t.context()));
        return write(d);
    }

    /** The traceback of a hit's {@code _source}; with its context when the source holds it. */
    Traceback traceback(JsonNode source) {
        try {
            Traceback t = mapper.treeToValue(source.path(TeamIndexSchema.TRACEBACK), Traceback.class);
            JsonNode context = source.path(TeamIndexSchema.CONTEXT);
            return context.isArray() ? t.withContext(mapper.convertValue(context, CONTEXT)) : t;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new StoreException("A document of the team index is not a Tracelens traceback: " + e.getMessage(), e);
        }
    }

    String archiveSource(ArchiveRecord r) {
        ObjectNode d = mapper.createObjectNode();
        d.put(TeamIndexSchema.KIND, TeamIndexSchema.KIND_ARCHIVE);
        d.put(TeamIndexSchema.ARCHIVE_NAME, r.name());
        d.set(TeamIndexSchema.ARCHIVE_RECORD, mapper.valueToTree(r));
        return write(d);
    }

    ArchiveRecord archive(JsonNode source, long tracebacks) {
        try {
            ArchiveRecord r = mapper.treeToValue(source.path(TeamIndexSchema.ARCHIVE_RECORD), ArchiveRecord.class);
            return new ArchiveRecord(r.name(), r.path(), r.sizeBytes(), r.lastModified(), r.checksum(), r.rows(),
                    r.badRows(), tracebacks, r.complete(), r.importedAt(), r.pendingFrom());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new StoreException("An archive record of the team index is not readable: " + e.getMessage(), e);
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    String write(Object node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}
