package dev.tracelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ScriptedScan;
import dev.tracelens.store.StoreImporter;
import dev.tracelens.store.TracebackStore;
import dev.tracelens.traceback.TracebackJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.tracelens.store.TestTracebacks.tb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Terminal output is not a terminal-control channel: hosts, programs, messages and tracebacks
 * holding terminal escapes, bells, NULs, carriage returns, DEL, C1 controls and bidi controls
 * are printed by the text output of every command with those characters made visible, while
 * {@code --json} keeps them exact.
 */
class TerminalOutputTest {
    /** Clear the screen, ring, NUL, overwrite the line, DEL, a C1 CSI, a bidi override and isolate. */
    private static final String STORED = "\u001b[2J\u0007\u0000\r\u007f\u009b31m\u202e\u2066";
    /** What an archive row can carry (a NUL makes a file binary, a CR ends a row). */
    private static final String IN_ROW = "\u001b]0;owned\u0007\u007f\u009b31m\u202atxt\u202c\u2067";
    private static final String FP = "fphostile0000001";

    @TempDir
    Path tmp;
    private Path store;
    private Path archive;

    private static String row(long id, String host, String message) {
        String time = "2026-11-20T03:00:0" + (id % 10);
        return String.join("\t", Long.toString(id), time, time, "1", host, "10.0.0.9", "User", "Notice",
                "app" + IN_ROW, message) + "\n";
    }

    @BeforeEach
    void storeHostileTracebacks() throws Exception {
        store = tmp.resolve("store");
        Path scripted = Files.writeString(tmp.resolve("2026-11-19.tsv"), "rows");
        try (TracebackStore s = TracebackStore.open(store)) {
            new StoreImporter(s, new ScriptedScan().emit("2026-11-19.tsv",
                    tb(5000, Instant.parse("2026-11-19T10:00:00Z"), "i-evil" + STORED, "app" + STORED, "ValueError",
                            "boom" + STORED, "render" + STORED, FP, "2026-11-19.tsv")))
                    .importArchives(List.of(scripted), ImportListener.NONE);
        }
        String host = "i-row" + IN_ROW;
        archive = Files.writeString(tmp.resolve("2026-11-20-03.tsv"), row(100, host, "INFO start" + IN_ROW)
                + row(101, host, "Traceback (most recent call last):")
                + row(102, host, "  File \"/srv/app/x" + IN_ROW + ".py\", line 1, in f")
                + row(103, host, "KeyError: gone" + IN_ROW)
                + row(104, host, "INFO next"));
        CliRun imported = CliRun.of("import", "--store", store.toString(), archive.toString());
        assertEquals(0, imported.exitCode(), imported.err());
    }

    private static void assertHarmless(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\n' && c != '\t' && !(c == '\r' && i + 1 < text.length()
                    && text.charAt(i + 1) == '\n' && System.lineSeparator().equals("\r\n"));
            boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            if (control || (c >= 0x7f && c <= 0x9f) || bidi) {
                fail(what + " printed U+" + String.format("%04X", (int) c) + " raw at " + i + ": " + text);
            }
        }
    }

    private CliRun onStore(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--store";
        all[args.length + 1] = store.toString();
        CliRun run = CliRun.of(all);
        assertEquals(0, run.exitCode(), String.join(" ", args) + ": " + run.err());
        return run;
    }

    @Test
    void textOutputOfEveryCommandShowsControlAndBidiCharactersVisibly() {
        CliRun groups = onStore("groups");
        assertTrue(groups.out().contains("boom\u241b[2J\u2407\u2400\u240d\u2421\\u009b31m\\u202e\\u2066"), groups.out());
        assertHarmless("groups", groups.out());
        CliRun search = onStore("search", "boom");
        assertTrue(search.out().contains("boom\u241b[2J"), search.out());
        assertHarmless("search", search.out());
        assertHarmless("search gone", onStore("search", "gone").out());
        CliRun show = onStore("show", "5000");
        assertTrue(show.out().contains("render\u241b[2J"), "the traceback text too: " + show.out());
        assertHarmless("show", show.out());
        assertHarmless("show by fingerprint", onStore("show", FP).out());
        assertHarmless("show of the archive's traceback", onStore("show", "101").out());
        assertHarmless("history", onStore("history", FP).out());
        assertHarmless("archives", onStore("archives").out());
        CliRun scan = CliRun.of("scan", archive.toString());
        assertEquals(0, scan.exitCode(), scan.err());
        assertTrue(scan.out().contains("KeyError: gone\u241b]0;owned\u2407"), scan.out());
        assertHarmless("scan", scan.out());
        assertHarmless("scan's summary", scan.err());
    }

    @Test
    void jsonOutputKeepsTheTextExact() throws Exception {
        JsonNode groups = TracebackJson.mapper().readTree(onStore("groups", "--json").out());
        boolean found = false;
        for (JsonNode g : groups.get("groups")) {
            for (JsonNode h : g.get("hosts")) {
                found |= h.asText().equals("i-evil" + STORED);
            }
        }
        assertTrue(found, groups.toString());
        JsonNode shown = TracebackJson.mapper().readTree(onStore("show", "5000", "--json").out());
        assertEquals("i-evil" + STORED, shown.get("host").asText());
        assertEquals("boom" + STORED, shown.get("message").asText());
        List<JsonNode> scanned = CliRun.of("scan", "--format", "jsonl", archive.toString()).jsonLines();
        assertEquals("i-row" + IN_ROW, scanned.getFirst().get("host").asText());
    }
}
