package dev.tracelens.cli;

import dev.tracelens.store.opensearch.OpenSearchNode;
import dev.tracelens.store.opensearch.OpenSearchNodeExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every store command with {@code --store https://…/INDEX} answers as with a store folder (a real OpenSearch node). */
@ExtendWith(OpenSearchNodeExtension.class)
class TeamIndexCommandsTest {

    @Test
    void commandsOnATeamIndexAnswerAsOnAStoreFolder(OpenSearchNode node, @TempDir Path tmp) {
        String url = node.indexUrl("cli-team");
        String dir = tmp.resolve("store").toString();
        CliRun teamImport = CliRun.of("import", "--store", url, "sample-logs");
        assertEquals(0, teamImport.exitCode(), teamImport.err());
        assertTrue(teamImport.out().contains(url), teamImport.out());
        assertEquals(0, CliRun.of("import", "--store", dir, "sample-logs").exitCode());

        for (String[] command : new String[][]{{"groups", "--json"}, {"groups", "--sort", "last"},
                {"archives"}, {"groups", "--json", "-q", "Traceback"}}) {
            CliRun local = CliRun.of(with(command, dir));
            CliRun team = CliRun.of(with(command, url));
            assertEquals(0, team.exitCode(), team.err());
            // Import times differ by nature.
            String stamp = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ sha256";
            assertEquals(local.out().replaceAll(stamp, "T"), team.out().replaceAll(stamp, "T"), String.join(" ", command));
        }
        // With a text query hits come best match first; scores may tie differently, the hits may not.
        assertEquals(ids(CliRun.of("search", "KeyError", "--json", "--store", dir).out()),
                ids(CliRun.of("search", "KeyError", "--json", "--store", url).out()));
        CliRun again = CliRun.of("import", "--store", url, "sample-logs");
        assertEquals(0, again.exitCode(), again.err());
        CliRun pruneLocal = CliRun.of("prune", "--store", dir, "--before", "2026-11-20T04:30:00Z");
        CliRun pruneTeam = CliRun.of("prune", "--store", url, "--before", "2026-11-20T04:30:00Z");
        assertEquals(0, pruneTeam.exitCode(), pruneTeam.err());
        // The size is each store's own (a Lucene folder, an index's store size); the deleted count must match.
        String size = "takes [0-9.]+ [KMG]?B";
        assertEquals(pruneLocal.out().replace(dir, "S").replaceAll(size, "takes N"),
                pruneTeam.out().replace(url, "S").replaceAll(size, "takes N"));
        assertEquals(CliRun.of("groups", "--json", "--store", dir).out(), CliRun.of("groups", "--json", "--store", url).out());

        CliRun check = CliRun.of("store", "check", "--store", url);
        assertFalse(check.exitCode() == 0);
        assertTrue(check.err().contains("not on a team index"), check.err());
    }

    @Test
    void aPasswordInTheUrlIsNeverRepeated() {
        CliRun r = CliRun.of("groups", "--store", "https://admin:Hunter2-SECRET@127.0.0.1:1/tracebacks");
        assertFalse(r.exitCode() == 0);
        assertFalse((r.out() + r.err()).contains("Hunter2-SECRET"), r.err());
        assertTrue(r.err().contains("must not hold credentials"), r.err());
    }

    private static java.util.List<String> ids(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            java.util.List<String> out = new java.util.ArrayList<>();
            n.path("hits").forEach(h -> out.add(h.path("firstId").asText() + "/" + h.path("ordinal").asText()));
            out.sort(null);
            out.add("total " + n.path("total").asText());
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String[] with(String[] command, String store) {
        String[] out = new String[command.length + 2];
        System.arraycopy(command, 0, out, 0, command.length);
        out[command.length] = "--store";
        out[command.length + 1] = store;
        return out;
    }
}
