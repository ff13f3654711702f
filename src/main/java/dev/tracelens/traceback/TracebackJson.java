package dev.tracelens.traceback;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON shape of a {@link Traceback}, shared by {@code scan --format jsonl}, the store's
 * {@code --json} output and the JSON report, so scripts see the same fields everywhere.
 *
 * <p>Papertrail ids are 64-bit and are written as strings: JavaScript (and jq) would round
 * them as numbers. Timestamps are ISO-8601 UTC. The record types stay free of Jackson
 * annotations; the JSON shape is declared here with mix-ins.
 */
public final class TracebackJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .addMixIn(Traceback.class, TracebackShape.class)
            .addMixIn(ContextLine.class, ContextLineShape.class)
            .addMixIn(LineKind.class, LineKindShape.class)
            .build();

    private TracebackJson() {
    }

    /** A mapper that writes {@link Traceback}s (and anything containing them) in this shape. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writer for one traceback per line (JSON Lines). */
    public static ObjectWriter lineWriter() {
        return MAPPER.writerFor(Traceback.class);
    }

    @JsonPropertyOrder({"id", "firstId", "ordinal", "timestamp", "host", "program", "language", "exceptionType",
            "message", "frames", "causes", "text", "lineKinds", "context", "fingerprint", "fingerprintParts", "truncated", "archive", "row"})
    private interface TracebackShape {
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        long id();

        @JsonFormat(shape = JsonFormat.Shape.STRING)
        long firstId();
    }

    /** Line kinds as their lowercase names ({@code own_frame}). */
    private interface LineKindShape {
        @JsonValue
        String id();
    }

    @JsonPropertyOrder({"id", "timestamp", "message", "sameProcess"})
    private interface ContextLineShape {
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        long id();
    }
}
