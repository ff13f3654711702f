package dev.tracelens.cli;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.tracelens.store.GroupSummary;
import dev.tracelens.store.HistoricalReflection;
import dev.tracelens.traceback.TracebackJson;

import java.util.List;

/**
 * The store commands' {@code --json} output: the project's one traceback shape
 * ({@link TracebackJson}: ids as strings, ISO-8601 UTC times) over the store's records, whose
 * Papertrail ids are written as strings too.
 */
final class StoreJson {
    private static final ObjectMapper MAPPER = TracebackJson.mapper().copy()
            .addMixIn(GroupSummary.class, GroupSummaryShape.class)
            .addMixIn(HistoricalReflection.class, ReflectionShape.class);

    private StoreJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A record as the JSON object {@link #write} would print, to add fields to (e.g. a group's status). */
    @SuppressWarnings("unchecked")
    static java.util.Map<String, Object> toMap(Object value) {
        return MAPPER.convertValue(value, java.util.LinkedHashMap.class);
    }

    private interface GroupSummaryShape {
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        long representativeFirstId();
    }

    private interface ReflectionShape {
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        long sourceFirstId();

        @JsonSerialize(contentUsing = ToStringSerializer.class)
        List<Long> firstIds();
    }
}
