package dev.tracelens.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tracelens.traceback.ContextLine;
import dev.tracelens.traceback.Traceback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The compact JSON that stored fields hold. Thread-safe (Jackson mappers are, once configured). */
final class StoreJsonCodec {
    private static final TypeReference<List<ContextLine>> CONTEXT = new TypeReference<>() { };

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A store written by a later minor version may carry fields we do not know yet.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    Traceback traceback(byte[] json) {
        return read(json, Traceback.class);
    }

    List<ContextLine> context(byte[] json) {
        try {
            return mapper.readValue(json, CONTEXT);
        } catch (IOException e) {
            throw new UncheckedIOException("stored context is not readable", e);
        }
    }

    <T> T read(byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored " + type.getSimpleName() + " is not readable", e);
        }
    }
}
