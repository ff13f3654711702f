package dev.tracelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelens.trackers.TrackerServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tracelens tail --papertrail} against a local server answering Papertrail's documented
 * search API ({@code /api/v1/events/search.json}: {@code events}, {@code min_id}/{@code max_id},
 * {@code reached_record_limit}; 429 with Retry-After). A contract test, not Papertrail.
 */
class TailCommandTest {
    private static final String TOKEN = "pt-contract-token-9";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static ObjectNode event(long id, String time, String message) {
        return JSON.createObjectNode().put("id", Long.toString(id)).put("generated_at", time).put("received_at", time)
                .put("source_name", "web-1").put("source_id", 7).put("source_ip", "10.0.0.5").put("program", "app")
                .put("severity", "Error").put("facility", "User").put("hostname", "web-1").put("message", message);
    }

    private static String page(boolean more, ObjectNode... events) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("events");
        long min = Long.MAX_VALUE;
        long max = 0;
        for (ObjectNode e : events) {
            list.add(e);
            min = Math.min(min, e.get("id").asLong());
            max = Math.max(max, e.get("id").asLong());
        }
        if (events.length > 0) {
            body.put("min_id", Long.toString(min)).put("max_id", Long.toString(max));
        }
        body.put("reached_record_limit", more).put("reached_beginning", false);
        return body.toString();
    }

    @Test
    void followsMinIdThroughA429AndStoresTheTraceback() throws Exception {
        Path credentials = Files.writeString(dir.resolve("c.properties"), "papertrail.token=" + TOKEN + "\n");
        AtomicInteger calls = new AtomicInteger();
        try (TrackerServer server = new TrackerServer()) {
            server.answer(r -> {
                assertEquals("/api/v1/events/search.json", r.uri().getPath());
                if (!TOKEN.equals(r.header("X-Papertrail-Token"))) {
                    return TrackerServer.Answer.status(401, "{\"message\":\"Unauthorized\"}");
                }
                return switch (calls.incrementAndGet()) {
                    case 1 -> TrackerServer.Answer.json(page(true,
                            event(1001, "2026-12-03T07:00:00Z", "INFO start"),
                            event(1002, "2026-12-03T07:00:01Z", "Traceback (most recent call last):"),
                            event(1003, "2026-12-03T07:00:01Z", "  File \"/srv/app/tail.py\", line 4, in follow")));
                    case 2 -> TrackerServer.Answer.status(429, "{\"message\":\"slow down\"}", "Retry-After", "1");
                    case 3 -> TrackerServer.Answer.json(page(false,
                            event(1004, "2026-12-03T07:00:01Z", "    raise LookupError('gone')"),
                            event(1005, "2026-12-03T07:00:01Z", "LookupError: gone"),
                            event(1006, "2026-12-03T07:00:02Z", "INFO next")));
                    default -> TrackerServer.Answer.json(page(false));
                };
            });
            String store = dir.resolve("store").toString();
            CliRun run = CliRun.of("tail", "--papertrail", "--papertrail-api", server.uri().toString(), "--store", store,
                    "--credentials", credentials.toString(), "--duration", "4", "--poll-ms", "200", "--batch-ms", "300",
                    "--status-every", "0");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().contains("stopped: 6 event(s) from Papertrail, 1 rate-limited request(s) waited out"), run.err());
            assertFalse(run.err().contains(TOKEN));
            List<String> queries = server.requests().stream().map(TrackerServer.Request::query).toList();
            assertFalse(queries.getFirst().contains("min_id"), "the first request starts at the newest events: " + queries);
            assertTrue(queries.get(1).contains("min_id=1003") && queries.get(2).contains("min_id=1003"), "retried after the 429: " + queries);
            assertTrue(queries.get(3).contains("min_id=1006"), queries.toString());

            JsonNode groups = JSON.readTree(CliRun.of("groups", "--json", "--store", store).out()).get("groups");
            assertEquals(1, groups.size(), groups.toString());
            assertEquals("LookupError", groups.get(0).get("exceptionType").asText());
            CliRun show = CliRun.of("show", "1002", "--store", store);
            assertTrue(show.out().contains("raise LookupError('gone')") && show.out().contains("INFO start"), show.out());
        }
    }

    @Test
    void aRefusedTokenStopsWithAnErrorThatDoesNotShowIt() throws Exception {
        Path credentials = Files.writeString(dir.resolve("c.properties"), "papertrail.token=" + TOKEN + "\n");
        try (TrackerServer server = new TrackerServer()) {
            server.answer(r -> TrackerServer.Answer.status(401, "{\"message\":\"Unauthorized\"}"));
            CliRun run = CliRun.of("tail", "--papertrail", "--papertrail-api", server.uri().toString(),
                    "--store", dir.resolve("s").toString(), "--credentials", credentials.toString(), "--duration", "20");
            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.err().contains("HTTP 401") && run.err().contains("PAPERTRAIL_API_TOKEN"), run.err());
            assertFalse(run.err().contains(TOKEN), run.err());
        }
    }
}
