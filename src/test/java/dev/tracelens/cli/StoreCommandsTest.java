package dev.tracelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ScriptedScan;
import dev.tracelens.store.StoreImporter;
import dev.tracelens.store.TracebackStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.tracelens.store.TestTracebacks.T0;
import static dev.tracelens.store.TestTracebacks.tb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreCommandsTest {
    private static final String ARCHIVE = "2016-08-12.tsv";

    @TempDir
    Path tmp;
    private Path store;

    /** Exit code and both outputs of one command line. */
    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new TracelensCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Run runOnStore(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--store");
        all.add(store.toString());
        return run(all.toArray(String[]::new));
    }

    @BeforeEach
    void fill() throws IOException {
        store = tmp.resolve("store");
        Path file = Files.writeString(tmp.resolve(ARCHIVE), "rows");
        ScriptedScan scan = new ScriptedScan().emit(ARCHIVE,
                tb(1000, T0, "i-host1", "app-web", "KeyError", "'user_id'", "login_required", "fpA", ARCHIVE),
                tb(1100, T0.plusSeconds(3600), "i-host2", "app-web", "KeyError", "'user_id'", "login_required", "fpA",
                        ARCHIVE),
                tb(1200, T0.plusSeconds(7200), "i-host3", "app-worker", "ValueError", "bad\nvalue", "parse", "fpB",
                        ARCHIVE));
        try (TracebackStore s = TracebackStore.open(store)) {
            new StoreImporter(s, scan).importArchives(List.of(file), ImportListener.NONE);
        }
    }

    @Test
    void analyzePrintsTokensOnePerLine() {
        Run r = run("analyze", "File \"/srv/app/views.py\", line 12, in login_required");
        assertEquals(0, r.code());
        assertEquals(String.join(System.lineSeparator(), "srv", "app", "views", "py", "logrequired")
                + System.lineSeparator(), r.out());
        Run json = run("analyze", "--json", "validated_input");
        assertEquals("[ \"validatedput\" ]", json.out().strip());
        Run none = run("analyze", "in line 42");
        assertEquals("", none.out());
        assertTrue(none.err().contains("no tokens"), none.err());
    }

    @Test
    void groupsAsTextAndJson() throws IOException {
        Run r = runOnStore("groups");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("3 occurrences in 2 groups"), r.out());
        assertTrue(r.out().contains("KeyError: 'user_id'"), r.out());
        assertTrue(r.out().contains("ValueError: bad\n") || r.out().contains("ValueError: bad\r\n"), "first line of the message only: " + r.out());

        JsonNode json = new ObjectMapper().readTree(runOnStore("groups", "--json", "--sort", "last").out());
        assertEquals(2, json.get("totalGroups").asInt());
        assertEquals("fpB", json.get("groups").get(0).get("fingerprint").asText());
        assertEquals("2016-08-12T05:00:00Z", json.get("groups").get(0).get("lastSeen").asText());
        assertTrue(json.get("groups").get(0).get("representativeFirstId").isTextual(), "ids are strings in JSON");

        JsonNode filtered = new ObjectMapper().readTree(
                runOnStore("groups", "--json", "--host", "i-host2", "--since", "2016-08-12T03:30").out());
        assertEquals(1, filtered.get("totalOccurrences").asInt());
        assertEquals(2, runOnStore("groups", "--sort", "sideways").code());
    }

    @Test
    void searchAndItsErrors() throws IOException {
        Run r = runOnStore("search", "KeyError", "--type", "KeyError");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("2 matches"), r.out());
        assertTrue(r.out().contains("1100"), r.out());

        assertTrue(runOnStore("search", "KeyError", "--fingerprint", "fpA", "--host", "i-host2").out()
                .startsWith("1 matches"));
        JsonNode json = new ObjectMapper().readTree(runOnStore("search", "--json", "ValueError").out());
        assertEquals(1, json.get("total").asInt());
        assertEquals(1200, json.get("hits").get(0).get("firstId").asLong());

        Run bad = runOnStore("search", "KeyError AND (");
        assertEquals(2, bad.code());
        assertEquals("", bad.out());
        assertTrue(bad.err().startsWith("Bad query syntax at column "), bad.err());
        assertTrue(!bad.err().contains("\tat "), "no stack trace: " + bad.err());

        Run filtered = runOnStore("search", "in", "line");
        assertEquals(2, filtered.code());
        assertTrue(filtered.err().contains("'in line' has no searchable words"), filtered.err());

        Run badDate = runOnStore("search", "KeyError", "--since", "yesterday");
        assertEquals(2, badDate.code());
        assertTrue(badDate.err().contains("'yesterday' is not a date"), badDate.err());
    }

    @Test
    void showByIdAndByFingerprint() throws IOException {
        Run r = runOnStore("show", "1000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Occurrence 1000 (rows 1000..1003) at 2016-08-12T03:00:00Z"), r.out());
        assertTrue(r.out().contains("* 2016-08-12T02:59:59Z  20286/MainThread INFO before 1"), r.out());
        assertTrue(r.out().contains("KeyError: 'user_id'"), r.out());
        JsonNode latest = new ObjectMapper().readTree(runOnStore("show", "fpA", "--json").out());
        assertEquals(1100, latest.get("firstId").asLong());
        assertEquals(3, latest.get("context").size());
        Run missing = runOnStore("show", "42");
        assertEquals(1, missing.code());
        assertTrue(missing.err().startsWith("No occurrence with id 42"), missing.err());
    }

    @Test
    void historyWithReflection() throws IOException {
        Run r = runOnStore("history", "fpA", "--by", "hour");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2016-08-12T03:00:00Z        1 #"), r.out());
        assertTrue(r.out().contains("2016-08-12T04:00:00Z        1 #"), r.out());
        assertTrue(r.out().contains("2 stored tracebacks share its"), r.out());
        JsonNode json = new ObjectMapper().readTree(runOnStore("history", "fpA", "--json").out());
        assertEquals(1, json.get("history").get("buckets").size());
        assertEquals(2, json.get("reflection").get("count").asInt());
        assertEquals(1, runOnStore("history", "nope").code());
        assertEquals(2, runOnStore("history", "fpA", "--by", "week").code());
    }

    @Test
    void archivesAndPrune() throws IOException {
        Run list = runOnStore("archives");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains(ARCHIVE), list.out());
        JsonNode json = new ObjectMapper().readTree(runOnStore("archives", "--json").out());
        assertEquals(3, json.get(0).get("tracebacks").asInt());

        Run prune = runOnStore("prune", "--before", "2016-08-12T04:00:00Z");
        assertEquals(0, prune.code(), prune.err());
        assertTrue(prune.out().startsWith("Deleted 1 occurrences before 2016-08-12T04:00:00Z"), prune.out());
        assertTrue(runOnStore("search", "KeyError").out().startsWith("1 matches"));
        assertEquals(2, runOnStore("prune").code(), "--before is required");
    }

    @Test
    void lockedAndMissingStoresAreClearErrors() {
        try (TracebackStore busy = TracebackStore.open(store)) {
            Run r = runOnStore("prune", "--before", "2016-08-12");
            assertEquals(1, r.code());
            assertTrue(r.err().contains("is in use by another Tracelens"), r.err());
            // Queries read without the lock.
            assertEquals(0, runOnStore("groups").code());
            assertEquals(3, busy.tracebackCount(), "the holder is unaffected");
        }
        Run missing = run("groups", "--store", tmp.resolve("nothing").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().startsWith("There is no Tracelens store at"), missing.err());
    }

    @Test
    void importThroughTheEngineThenSkip() throws IOException {
        Path archives = tmp.resolve("archives");
        dev.tracelens.store.ArchiveFixtures.write(archives, 2, 10);
        Path fresh = tmp.resolve("fresh");
        Run first = run("import", archives.toString(), "--store", fresh.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("Imported 2 archive(s)"), first.out());
        assertTrue(first.out().contains("holds 22 tracebacks"), first.out());
        JsonNode some = new ObjectMapper().readTree(run("search", "--json", "--store", fresh.toString(),
                "RuntimeError").out()).get("hits").get(0);
        String id = some.get("firstId").asText();
        assertTrue(id.length() >= 12, id);
        Run shown = run("show", id, "--store", fresh.toString());
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.out().startsWith("Occurrence " + id), shown.out());
        Run again = run("import", archives.toString(), "--store", fresh.toString(), "--json");
        assertEquals(0, again.code(), again.err());
        JsonNode json = new ObjectMapper().readTree(again.out());
        assertEquals(2, json.get("result").get("skipped").size());
        assertEquals(22, json.get("storedTracebacks").asInt());
        Run missing = run("import", tmp.resolve("nope").toString(), "--store", fresh.toString());
        assertEquals(1, missing.code());
        assertTrue(!missing.err().isBlank() && !missing.err().contains("\tat "), missing.err());
        assertTrue(missing.err().contains("nope: no such file or folder"), missing.err());
        assertTrue(!missing.err().contains("read again next time") && missing.out().isEmpty(), missing.out());
        assertTrue(!run("archives", "--store", fresh.toString()).out().contains("nope"));
    }

    @Test
    void showTakesNineteenDigitPapertrailIds() throws IOException {
        long id = 1_316_537_220_000_788_365L;
        Path file = Files.writeString(tmp.resolve("2026-11-20-05.tsv"), "rows");
        Path big = tmp.resolve("big-ids");
        try (TracebackStore s = TracebackStore.open(big)) {
            new StoreImporter(s, new ScriptedScan().emit(file.getFileName().toString(),
                    tb(id, T0, "fpZ", file.getFileName().toString())))
                    .importArchives(List.of(file), ImportListener.NONE);
        }
        Run r = run("show", Long.toString(id), "--store", big.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Occurrence " + id + " "), r.out());
        assertEquals(1, run("show", "99999999999999999999", "--store", big.toString()).code());
    }
}

