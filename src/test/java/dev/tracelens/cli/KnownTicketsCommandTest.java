package dev.tracelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelens.trackers.TrackerServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Known tickets end to end: a real Python log imported, a GitHub repository synced from a local
 * server answering GitHub's documented shapes (a contract test, not GitHub), then {@code show}
 * and the Markdown, JSON and HTML reports list the matching ticket with status, link and shared words.
 */
class KnownTicketsCommandTest {
    private static final String LOG = """
            2026-11-20 03:14:07,112 INFO checkout started basket=881
            2026-11-20 03:14:07,118 ERROR payment failed
            Traceback (most recent call last):
              File "/srv/shop/payments/gateway.py", line 214, in capture_payment
                response = client.capture(intent_id, amount_minor)
              File "/srv/shop/payments/stripe_client.py", line 88, in capture
                raise GatewayTimeout(f"capture timed out after {elapsed:.1f}s")
            payments.errors.GatewayTimeout: capture timed out after 30.0s
            2026-11-20 03:14:08,001 INFO next request
            2026-11-20 03:15:00,000 ERROR other failure
            Traceback (most recent call last):
              File "/srv/shop/search/index.py", line 12, in rebuild
                os.remove(path)
            FileNotFoundError: [Errno 2] No such file or directory: '/var/lib/search/seg_4'
            2026-11-20 03:15:01,000 INFO done
            """;

    @TempDir
    Path dir;

    @Test
    void showAndReportsListTheMatchingTicket() throws Exception {
        Path log = Files.writeString(dir.resolve("shop.log"), LOG);
        String store = dir.resolve("store").toString();
        CliRun imported = CliRun.of("import", "--store", store, log.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        JsonNode groups = new ObjectMapper().readTree(CliRun.of("groups", "--json", "--store", store).out()).get("groups");
        assertEquals(2, groups.size());
        String timeout = null;
        String missing = null;
        for (JsonNode g : groups) {
            if (g.get("exceptionType").asText().endsWith("GatewayTimeout")) {
                timeout = g.get("fingerprint").asText();
            } else {
                missing = g.get("fingerprint").asText();
            }
        }
        try (TrackerServer server = new TrackerServer()) {
            server.answer(r -> TrackerServer.Answer.json("""
                    [{"number":12,"title":"Payments: capture times out","state":"open",
                      "html_url":"https://github.com/acme/shop/issues/12","updated_at":"2026-11-19T08:00:00Z",
                      "body":"Seen in prod:\\n```\\npayments.errors.GatewayTimeout: capture timed out after 30.0s\\n  in capture_payment (gateway.py)\\n```","comments":0},
                     {"number":13,"title":"Dark mode","state":"closed","html_url":"https://github.com/acme/shop/issues/13",
                      "updated_at":"2026-11-19T09:00:00Z","body":"please","comments":0}]"""));
            CliRun sync = CliRun.of("tickets", "sync", "--store", store, "--github", "acme/shop",
                    "--github-api", server.uri().toString(), "--credentials", dir.resolve("none.properties").toString());
            assertEquals(0, sync.exitCode(), sync.err());
        }

        CliRun show = CliRun.of("show", timeout, "--store", store);
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("Known tickets (best match first):"), show.out());
        assertTrue(show.out().contains("#12  open  Payments: capture times out  https://github.com/acme/shop/issues/12"), show.out());
        assertTrue(show.out().contains("shares: ") && show.out().contains("GatewayTimeout"), show.out());
        assertFalse(show.out().contains("#13"), show.out());
        CliRun other = CliRun.of("show", missing, "--store", store);
        assertFalse(other.out().contains("Known tickets"), "no ticket shares its words: " + other.out());

        CliRun md = CliRun.of("export", "--format", "md", "--out", "-", "--store", store);
        assertEquals(0, md.exitCode(), md.err());
        assertTrue(md.out().contains("- [\\#12](https://github.com/acme/shop/issues/12) Payments: capture times out (open), shares: "), md.out());
        CliRun json = CliRun.of("export", "--format", "json", "--out", "-", "--store", store);
        JsonNode report = new ObjectMapper().readTree(json.out());
        for (JsonNode g : report.get("groups")) {
            int expected = g.get("fingerprint").asText().equals(timeout) ? 1 : 0;
            assertEquals(expected, g.path("tickets").size(), g.toString());
        }
        CliRun html = CliRun.of("export", "--format", "html", "--out", "-", "--store", store);
        assertTrue(html.out().contains("<a href=\"https://github.com/acme/shop/issues/12\">#12</a>"), html.out());
    }

    @Test
    void createFromAGroupPreviewsThenPostsTheReportAndLinksTheTicketAtOnce() throws Exception {
        Path log = Files.writeString(dir.resolve("shop.log"), LOG);
        String store = dir.resolve("store").toString();
        assertEquals(0, CliRun.of("import", "--store", store, log.toString()).exitCode());
        String missing = null;
        for (JsonNode g : new ObjectMapper().readTree(CliRun.of("groups", "--json", "--store", store).out()).get("groups")) {
            if (g.get("exceptionType").asText().equals("FileNotFoundError")) {
                missing = g.get("fingerprint").asText();
            }
        }
        Path credentials = Files.writeString(dir.resolve("c.properties"), "github.token=ghp_createToken77\n");
        try (TrackerServer server = new TrackerServer()) {
            server.answer(r -> TrackerServer.Answer.status(201, """
                    {"number":31,"title":"FileNotFoundError: x","state":"open","html_url":"https://github.com/acme/shop/issues/31",
                     "updated_at":"2026-11-21T10:00:00Z","body":"the report","comments":0}"""));
            String[] common = {"tickets", "create", "--store", store, "--group", missing, "--github", "acme/shop",
                    "--github-api", server.uri().toString(), "--credentials", credentials.toString()};
            CliRun dry = CliRun.of(concat(common, "--dry-run"));
            assertEquals(0, dry.exitCode(), dry.err());
            assertTrue(dry.out().contains("Title: FileNotFoundError: [Errno 2] No such file or directory: '/var/lib/search/seg_4'"), dry.out());
            assertTrue(dry.out().contains("os.remove(path)"), "the traceback is in the description: " + dry.out());
            assertTrue(dry.out().contains("INFO next request"), "with its context rows: " + dry.out());
            assertTrue(server.requests().isEmpty(), "a dry run sends nothing");

            CliRun created = CliRun.of(common);
            assertEquals(0, created.exitCode(), created.err());
            assertTrue(created.out().contains("Created #31 https://github.com/acme/shop/issues/31, linked to group " + missing), created.out());
            String posted = server.requests().getFirst().body();
            JsonNode body = new ObjectMapper().readTree(posted);
            assertTrue(body.get("title").asText().startsWith("FileNotFoundError: [Errno 2]"), posted);
            assertTrue(body.get("body").asText().contains("os.remove(path)"), posted);
            assertFalse(posted.contains("ghp_createToken77"), "the token is only in the header");
            assertEquals("Bearer ghp_createToken77", server.requests().getFirst().authorization());
        }
        CliRun show = CliRun.of("show", missing, "--store", store);
        assertTrue(show.out().contains("#31  open  FileNotFoundError: x"), show.out());
        assertTrue(show.out().contains("created from this group"), show.out());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
