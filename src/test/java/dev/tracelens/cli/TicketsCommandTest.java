package dev.tracelens.cli;

import dev.tracelens.trackers.TrackerServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tracelens tickets sync} end to end against a local server answering GitHub's documented shapes (a contract test, not GitHub). */
class TicketsCommandTest {
    private static final String TOKEN = "ghp_fromTheCredentialsFile42";

    @TempDir
    Path dir;

    @Test
    void syncsGitHubWithATokenFromTheCredentialsFileAndNeverPrintsIt() throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials.properties"), "github.token=" + TOKEN + "\n");
        try (TrackerServer server = new TrackerServer()) {
            server.answer(r -> r.authorization() != null && r.authorization().equals("Bearer " + TOKEN)
                    ? TrackerServer.Answer.json("[{\"number\":4,\"title\":\"Crash\",\"state\":\"open\",\"html_url\":\"https://github.com/a/b/issues/4\","
                    + "\"updated_at\":\"2026-11-01T10:00:00Z\",\"body\":\"KeyError\",\"comments\":0}]")
                    : TrackerServer.Answer.status(401, "{\"message\":\"Bad credentials " + r.authorization() + "\"}"));
            Path store = dir.resolve("store");
            String[] args = {"tickets", "sync", "--store", store.toString(), "--github", "a/b",
                    "--github-api", server.uri().toString(), "--credentials", credentials.toString()};
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("Synced 1 ticket(s) of github:a/b (all)"), run.out());
            assertTrue(Files.isDirectory(dir.resolve("store-tickets")), "the index sits beside the store");

            CliRun list = CliRun.of("tickets", "list", "--store", store.toString());
            assertTrue(list.out().contains("1\t2026-11-01T10:00:00Z\tgithub:a/b"), list.out());

            Files.writeString(credentials, "github.token=wrong-" + TOKEN + "\n");
            CliRun refused = CliRun.of(args);
            assertEquals(1, refused.exitCode());
            assertTrue(refused.err().contains("HTTP 401") && refused.err().contains("github.token in " + credentials), refused.err());
            assertFalse((refused.out() + refused.err() + run.out() + run.err()).contains(TOKEN), refused.err());
        }
    }

    @Test
    void needsExactlyOneTracker() {
        CliRun run = CliRun.of("tickets", "sync", "--store", dir.resolve("s").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--jira URL --project KEY or --github OWNER/REPO"), run.err());
    }
}
