package dev.tracelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelens.engine.FileTriageBook;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.tracelens.store.TestTracebacks.T0;
import static dev.tracelens.store.TestTracebacks.tb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 18 items 11 and 13 on the command line: triage, prune --dry-run and relative times, export --limit. */
class TriageAndRetentionCommandsTest {
    @TempDir
    Path tmp;
    private Path store;

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

    private Run onStore(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--store");
        all.add(store.toString());
        return run(all.toArray(String[]::new));
    }

    private void importRows(String archive, ScriptedScan scan) throws IOException {
        Path file = Files.writeString(tmp.resolve(archive), "rows");
        try (TracebackStore s = TracebackStore.open(store)) {
            new StoreImporter(s, scan).importArchives(List.of(file), ImportListener.NONE);
        }
    }

    @BeforeEach
    void fill() throws IOException {
        store = tmp.resolve("store");
        importRows("2016-08-12.tsv", new ScriptedScan().emit("2016-08-12.tsv",
                tb(1000, T0, "i-host1", "app-web", "KeyError", "'user_id'", "login_required", "fpA", "2016-08-12.tsv"),
                tb(1100, T0.plusSeconds(3600), "i-host2", "app-web", "KeyError", "'user_id'", "login_required", "fpA",
                        "2016-08-12.tsv"),
                tb(1200, T0.plusSeconds(7200), "i-host3", "app-worker", "ValueError", "bad", "parse", "fpB",
                        "2016-08-12.tsv")));
    }

    @Test
    void aResolvedGroupThatOccursAgainIsARegression() throws IOException {
        Run resolved = onStore("triage", "resolve", "fpA");
        assertEquals(0, resolved.code(), resolved.err());
        assertTrue(resolved.out().startsWith("fpA resolved (through " + T0.plusSeconds(3600)), resolved.out());
        assertTrue(Files.exists(store.resolve(FileTriageBook.FILE_NAME)), "kept in the store folder");
        Run groups = onStore("groups");
        assertTrue(groups.out().lines().anyMatch(l -> l.contains("fpA") && l.contains(" resolved ")), groups.out());
        assertTrue(onStore("groups", "--status", "open").out().startsWith("1 occurrences in 1 groups"));
        assertEquals(1, onStore("triage", "ignore", "nosuch").code(), "an unknown group is refused");

        // A later occurrence of the same group: the bug came back.
        importRows("2016-08-13.tsv", new ScriptedScan().emit("2016-08-13.tsv",
                tb(2000, T0.plus(Duration.ofDays(1)), "i-host1", "app-web", "KeyError", "'user_id'", "login_required",
                        "fpA", "2016-08-13.tsv")));
        assertTrue(onStore("groups").out().lines().anyMatch(l -> l.contains("fpA") && l.contains("REGRESSED")),
                onStore("groups").out());
        JsonNode regressed = new ObjectMapper().readTree(onStore("groups", "--json", "--status", "regressed").out());
        assertEquals(1, regressed.get("totalGroups").asInt());
        assertEquals("regressed", regressed.get("groups").get(0).get("status").asText());
        assertTrue(regressed.get("groups").get(0).get("representativeFirstId").isTextual());
        assertTrue(onStore("groups", "--status", "resolved").out().startsWith("0 occurrences in 0 groups"));

        Run muted = onStore("triage", "mute", "fpB", "--for", "7d");
        assertEquals(0, muted.code(), muted.err());
        assertTrue(onStore("groups", "--status", "muted").out().contains("fpB"));
        assertEquals(2, onStore("triage", "mute", "fpB").code(), "a mute needs its end");
        assertTrue(onStore("triage", "list").out().startsWith("2 decision(s)"));
        assertEquals(0, onStore("triage", "reopen", "fpA", "fpB").code());
        assertTrue(onStore("triage", "list").out().startsWith("0 decision(s)"));
        assertEquals(2, onStore("groups", "--status", "sideways").code());
    }

    @Test
    void pruneDryRunCountsWithoutDeletingAndRelativeTimesCountBackFromNow() {
        Run dry = onStore("prune", "--before", "2016-08-12T04:30:00Z", "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertEquals("Would delete 2 of 3 occurrences before 2016-08-12T04:30:00Z (1 of 2 groups would vanish);"
                + " nothing was deleted (dry run).", dry.out().strip());
        assertTrue(onStore("groups").out().startsWith("3 occurrences"), "nothing deleted");

        Instant before = Instant.now().minus(Duration.ofDays(30));
        Run relative = onStore("prune", "--before", "30d", "--dry-run", "--json");
        assertEquals(0, relative.code(), relative.err());
        assertTrue(relative.out().contains("\"wouldDelete\" : 3"), "everything from 2016 is older: " + relative.out());
        String at = relative.out().replaceAll("(?s).*\"before\" : \"([^\"]+)\".*", "$1");
        assertTrue(!Instant.parse(at).isBefore(before.minusSeconds(1)), at + " is 30 days back from now");
        assertEquals(2, onStore("prune", "--before", "30 parsecs").code());
    }

    @Test
    void exportLimitKeepsTheTopGroups() throws IOException {
        Path csv = tmp.resolve("top.csv");
        Run r = onStore("export", "--out", csv.toString(), "--limit", "1", "--by", "group");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("wrote 1 groups"), r.err());
        String text = Files.readString(csv);
        assertTrue(text.contains("fpA") && !text.contains("fpB"), text);
        assertEquals(2, onStore("export", "--out", csv.toString(), "--limit", "-1").code());
    }
}
