package dev.tracelens.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelens.traceback.Traceback;
import dev.tracelens.traceback.TracebackJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class JsonReportTest {
    @TempDir
    Path spool;

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void groupsCarryCountsHistoryAndTracebacksInTheScanShape() throws Exception {
        String text = ReportTestSupport.render(ReportFormat.JSON, CsvReportWriter.By.OCCURRENCE, spool);
        JsonNode json = TracebackJson.mapper().readTree(text);
        assertEquals(List.of("title", "filter", "since", "until", "generatedAt", "history", "groups", "groupCount",
                "occurrenceCount"), names(json));
        assertEquals("2026-11-21T09:30:00Z", json.get("generatedAt").textValue());
        assertEquals("PT1H", json.get("history").get("bucket").textValue());
        assertEquals(3, json.get("history").get("buckets").size());
        assertEquals(3, json.get("groupCount").intValue());
        assertEquals(6, json.get("occurrenceCount").intValue());

        JsonNode group = json.get("groups").get(0);
        assertEquals(3, group.get("count").intValue());
        assertEquals("2026-11-20T03:18:39Z", group.get("firstSeen").textValue());
        assertEquals(2, group.get("history").get("buckets").get(0).get("count").intValue());
        assertEquals(3, group.get("occurrences").size());

        // Exactly what scan --format jsonl writes for the same traceback.
        Traceback rep = ReportFixtures.keyErrorGroup().representative();
        JsonNode scanShape = TracebackJson.mapper().readTree(TracebackJson.lineWriter().writeValueAsString(rep));
        assertEquals(scanShape, group.get("representative"));
        assertEquals(names(scanShape), names(group.get("occurrences").get(2)));
    }

    @Test
    void hostileTextRoundTripsExactlyAndControlCharactersAreEscaped() throws Exception {
        String text = ReportTestSupport.render(ReportFormat.JSON, CsvReportWriter.By.OCCURRENCE, spool);
        assertFalse(text.chars().anyMatch(c -> c < 0x20 && c != '\n'), "no raw control character");
        JsonNode hostile = TracebackJson.mapper().readTree(text).get("groups").get(1);
        assertEquals(ReportFixtures.hostileGroup().message(), hostile.get("message").textValue());
        assertEquals(ReportFixtures.hostileGroup().representative().text(), hostile.get("representative").get("text").textValue());
    }
}
