package dev.tracelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tracelens rules}: add, list, export, remove, import and undo on a store of the sample logs. */
class RulesCommandTest {
    @TempDir
    Path tmp;

    @Test
    void mergeListUndoExportImportThroughTheCommandLine() throws Exception {
        String store = tmp.resolve("store").toString();
        assertEquals(0, CliRun.of("import", "--store", store, "sample-logs").exitCode());
        JsonNode groups = new ObjectMapper().readTree(CliRun.of("groups", "--store", store, "--json").out()).get("groups");
        String a = groups.get(0).get("fingerprint").asText();
        String b = groups.get(1).get("fingerprint").asText();
        int before = groups.size();

        CliRun added = CliRun.of("rules", "add", "merge", a, b, "--store", store);
        assertEquals(0, added.exitCode(), added.err());
        assertTrue(added.out().contains("r1    merge " + b + " into " + a), added.out());
        assertEquals(before - 1, new ObjectMapper().readTree(CliRun.of("groups", "--store", store, "--json").out())
                .get("groups").size());
        CliRun show = CliRun.of("show", a, "--store", store);
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("rules-from:") || show.out().contains(a), show.out());

        CliRun none = CliRun.of("rules", "add", "split", "ffffffffffffffff", "--by", "host", "--store", store);
        assertTrue(none.out().contains("r2    split ffffffffffffffff by host  (matches nothing)"), none.out());
        CliRun list = CliRun.of("rules", "list", "--store", store);
        assertTrue(list.out().contains("(matches nothing)") && list.out().contains("tracebacks)"), list.out());

        Path shared = tmp.resolve("shared.json");
        assertEquals(0, CliRun.of("rules", "export", shared.toString(), "--store", store).exitCode());
        assertTrue(Files.readString(shared).contains("\"merge\""));
        assertEquals(0, CliRun.of("rules", "undo", "--store", store).exitCode());
        assertEquals(0, CliRun.of("rules", "undo", "--store", store).exitCode());
        assertEquals("No grouping rules.", CliRun.of("rules", "list", "--store", store).out().strip());
        assertEquals(before, new ObjectMapper().readTree(CliRun.of("groups", "--store", store, "--json").out())
                .get("groups").size());
        CliRun nothing = CliRun.of("rules", "undo", "--store", store);
        assertEquals(1, nothing.exitCode());
        assertTrue(nothing.err().contains("Nothing to undo."), nothing.err());

        CliRun imported = CliRun.of("rules", "import", shared.toString(), "--store", store);
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.err().contains("Imported 2 rules"), imported.err());
        assertEquals(before - 1, new ObjectMapper().readTree(CliRun.of("groups", "--store", store, "--json").out())
                .get("groups").size());
        CliRun removed = CliRun.of("rules", "remove", "r9", "--store", store);
        assertEquals(1, removed.exitCode());
        CliRun bad = CliRun.of("rules", "add", "split", a, "--by", "colour", "--store", store);
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("split by one of"), bad.err());
    }
}
