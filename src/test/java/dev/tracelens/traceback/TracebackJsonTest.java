package dev.tracelens.traceback;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TracebackJsonTest {

    private static Traceback sample() {
        return new Traceback(9_007_199_254_740_993L, 9_007_199_254_740_990L, 0,
                Instant.parse("2016-08-12T03:18:39Z"), "i-2ee330b7", "app-web", "python", "KeyError", "'user_id'",
                List.of(new Frame("app/views.py", 42, "get_user", "return users[user_id]")),
                List.of(new ChainedException("ValueError", "bad", List.of(), "context")),
                "Traceback (most recent call last):\n  File \"app/views.py\", line 42, in get_user\nKeyError: 'user_id'",
                LineKinds.of("python", "Traceback (most recent call last):\n  File \"app/views.py\", line 42, in get_user\nKeyError: 'user_id'"),
                List.of(new ContextLine(9_007_199_254_740_980L, Instant.parse("2016-08-12T03:18:38.5Z"), "pool exhausted", true)),
                "0123456789abcdef", List.of("type:KeyError", "frame:app/views.py:get_user"), false,
                "2016-08-12-03.tsv.gz", 17);
    }

    @Test
    void writesTheDocumentedFieldsWithIdsAsStringsAndUtcTimestamps() throws Exception {
        String line = TracebackJson.lineWriter().writeValueAsString(sample());
        assertFalse(line.contains("\n"), "one traceback per line");
        JsonNode json = TracebackJson.mapper().readTree(line);

        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("id", "firstId", "ordinal", "timestamp", "host", "program", "language", "exceptionType",
                "message", "frames", "causes", "text", "lineKinds", "context", "fingerprint", "fingerprintParts",
                "truncated", "archive", "row"), names);
        assertEquals(0, json.get("ordinal").intValue());
        assertEquals("python", json.get("language").textValue());
        assertEquals("[\"header\",\"own_frame\",\"exception\"]", json.get("lineKinds").toString());
        // 2^53 + 1 would be rounded by any JSON consumer that reads numbers as doubles.
        assertEquals("9007199254740993", json.get("id").textValue());
        assertEquals("9007199254740990", json.get("firstId").textValue());
        assertEquals("2016-08-12T03:18:39Z", json.get("timestamp").textValue());
        assertEquals(42, json.get("frames").get(0).get("line").intValue());
        assertEquals("get_user", json.get("frames").get(0).get("function").textValue());
        assertEquals("context", json.get("causes").get(0).get("relation").textValue());
        JsonNode context = json.get("context").get(0);
        assertEquals("9007199254740980", context.get("id").textValue());
        assertEquals("2016-08-12T03:18:38.500Z", context.get("timestamp").textValue());
        assertTrue(context.get("sameProcess").booleanValue());
        assertEquals(17, json.get("row").intValue());
    }
}
