package dev.tracelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tracelens scan} end to end over the bundled sample archives and hand-made bad input. */
class ScanCommandTest {
    private static final Path SAMPLES = Path.of("sample-logs");

    @Test
    void jsonlHasOneObjectPerTracebackWithTheDocumentedFields() {
        CliRun run = CliRun.of("scan", "--format", "jsonl", SAMPLES.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> tracebacks = run.jsonLines();
        assertTrue(tracebacks.size() > 40, "sample-logs hold dozens of tracebacks, got " + tracebacks.size());

        // Exactly the tracebacks the generator wrote: none missed, none split or swallowed.
        java.util.SortedMap<String, Long> found = tracebacks.stream().collect(Collectors.groupingBy(
                t -> t.get("exceptionType").asText(), java.util.TreeMap::new, Collectors.counting()));
        java.util.SortedMap<String, Long> expected = new java.util.TreeMap<>();
        dev.tracelens.samples.SampleBugsView.bundledTracebacksByType().forEach((type, n) -> expected.put(type, (long) n));
        assertEquals(expected, found);

        for (JsonNode t : tracebacks) {
            assertTrue(t.get("id").isTextual() && t.get("firstId").isTextual());
            assertTrue(Long.parseLong(t.get("id").asText()) >= Long.parseLong(t.get("firstId").asText()));
            assertTrue(t.get("timestamp").asText().endsWith("Z"));
            assertTrue(t.get("text").asText().contains("Traceback (most recent call last):") || t.get("text").asText().contains("Exception Group Traceback"));
            assertTrue(t.get("archive").asText().endsWith(".gz")); // .tsv.gz, and the .jl.gz and .log.gz samples
            assertTrue(t.get("row").asLong() > 0);
            assertFalse(t.get("fingerprint").asText().isEmpty());
            assertTrue(t.get("context").size() <= 50);
            // Ordinary traffic of the same process never ends up inside a traceback.
            assertFalse(t.get("text").asText().contains("celery.worker: Task"), t.get("text").asText());
            assertFalse(t.get("text").asText().contains("app.access: GET"), t.get("text").asText());
        }
        // The sample generator cuts the last traceback off at the end of the last hour.
        assertTrue(tracebacks.stream().anyMatch(t -> t.get("truncated").asBoolean()));
        // ... and writes one that starts at 03:59:59 and ends in the 04 archive.
        assertTrue(tracebacks.stream().anyMatch(t -> t.get("archive").asText().startsWith("2026-11-20-03")
                && t.get("timestamp").asText().startsWith("2026-11-20T03:59:59") && !t.get("truncated").asBoolean()));
        assertTrue(run.err().contains("tracebacks in"), run.err());
    }

    @Test
    void contextOptionLimitsTheRowsBeforeEachTraceback() {
        CliRun run = CliRun.of("scan", "--format", "jsonl", "--context", "3", SAMPLES.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.jsonLines().stream().allMatch(t -> t.get("context").size() <= 3));
        assertTrue(run.jsonLines().stream().anyMatch(t -> t.get("context").size() == 3));
    }

    @Test
    void textFormatGroupsTracebacksBiggestFirst() {
        CliRun run = CliRun.of("scan", SAMPLES.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("#1  "), run.out().lines().findFirst().orElse(""));
        assertTrue(run.out().contains("KeyError: 'user_id'"));
        assertTrue(run.out().contains("same process, just before:"));
    }

    @Test
    void aMissingInputFailsWithExitOneButTheOthersAreStillScanned(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("2016-08-12-03.tsv");
        Files.writeString(good, String.join("\n",
                "1\t2016-08-12T03:18:39\t2016-08-12T03:18:39\t1\ti-1\t10.0.0.1\tUser\tNotice\tapp\tTraceback (most recent call last):",
                "2\t2016-08-12T03:18:39\t2016-08-12T03:18:39\t1\ti-1\t10.0.0.1\tUser\tNotice\tapp\t  File \"/srv/app/x.py\", line 1, in f",
                "3\t2016-08-12T03:18:39\t2016-08-12T03:18:39\t1\ti-1\t10.0.0.1\tUser\tNotice\tapp\tValueError: boom",
                "4\tyesterday\t2016-08-12T03:18:40\t1\ti-1\t10.0.0.1\tUser\tNotice\tapp\tnext",
                "5\t2016-08-12T03:18:41\t2016-08-12T03:18:41\t1\ti-1\t10.0.0.1\tUser\tNotice\tapp\tdone", ""),
                StandardCharsets.UTF_8);
        CliRun run = CliRun.of("scan", "--format", "jsonl", dir.resolve("missing.tsv.gz").toString(), good.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("missing.tsv.gz"), run.err());
        assertTrue(run.err().contains("2016-08-12-03.tsv row 4"), "the bad row is named: " + run.err());
        List<JsonNode> tracebacks = run.jsonLines();
        assertEquals(1, tracebacks.size());
        assertEquals("ValueError", tracebacks.get(0).get("exceptionType").asText());
        assertEquals("3", tracebacks.get(0).get("id").asText());
    }

    @Test
    void badRowsAloneStillExitZero(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("2016-08-12-04.tsv");
        Files.writeString(file, "1\t2016-08-12T04:00:00\tonly three columns\n2\t2016-08-12T04:00:01\t2016-08-12T04:00:01\t1\th\t1.2.3.4\tUser\tNotice\tapp\tok\n");
        CliRun run = CliRun.of("scan", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("row 1"), run.err());
        assertTrue(run.err().contains("1 bad rows") || run.err().contains("1 bad row"), run.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, CliRun.of("scan").exitCode());
        assertEquals(2, CliRun.of("scan", "--format", "xml", "x").exitCode());
        assertEquals(2, CliRun.of("scan", "--context", "-1", "x").exitCode());
        assertEquals(2, CliRun.of("frobnicate").exitCode());
    }
}
