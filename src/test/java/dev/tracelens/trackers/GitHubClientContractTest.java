package dev.tracelens.trackers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelens.engine.TicketService;
import dev.tracelens.tickets.Ticket;
import dev.tracelens.tickets.TicketIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contract test of {@link GitHubClient}: a local HTTP server answers with the shapes GitHub
 * documents for {@code GET /repos/{owner}/{repo}/issues} ({@code since}, {@code Link} paging,
 * pull requests among the issues), issue comments, {@code POST …/issues}, and its rate limits
 * (403/429 with {@code Retry-After}, {@code x-ratelimit-remaining: 0}). It is not the real GitHub.
 */
class GitHubClientContractTest {
    private static final String TOKEN = "ghp_contractTestToken000";

    private TrackerServer server;
    private final List<Duration> waits = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = new TrackerServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GitHubClient client(Credentials credentials) {
        return new GitHubClient(server.uri(), "acme/shop", GitHubClient.http(credentials, Duration.ofMinutes(5), waits::add));
    }

    static ObjectNode issue(int number, String title, String state, String updated, String body, int comments, boolean pr) {
        ObjectNode i = TrackerHttp.json().createObjectNode().put("number", number).put("title", title).put("state", state)
                .put("html_url", "https://github.com/acme/shop/issues/" + number).put("updated_at", updated)
                .put("body", body).put("comments", comments);
        if (pr) {
            i.putObject("pull_request").put("url", "x");
        }
        return i;
    }

    static String list(ObjectNode... issues) {
        ArrayNode a = TrackerHttp.json().createArrayNode();
        for (ObjectNode i : issues) {
            a.add(i);
        }
        return a.toString();
    }

    @Test
    void pagesByLinkSkipsPullRequestsReadsCommentsAndSyncsSince() {
        server.answer(r -> {
            String path = r.uri().getPath();
            if (path.equals("/repos/acme/shop/issues/1/comments")) {
                return TrackerServer.Answer.json("[{\"body\":\"Also seen: ZeroDivisionError in apply_discount\"}]");
            }
            assertEquals("/repos/acme/shop/issues", path);
            assertTrue(r.query().contains("state=all") && r.query().contains("sort=updated"), r.query());
            if (!r.query().contains("page=2")) {
                return TrackerServer.Answer.json(list(
                                issue(1, "Discount crash", "open", "2026-11-01T10:00:00Z", "ZeroDivisionError: division by zero", 1, false),
                                issue(2, "Fix discount", "open", "2026-11-01T11:00:00Z", "PR body", 0, true)),
                        "Link", "<{base}/repos/acme/shop/issues?state=all&sort=updated&direction=asc&per_page=100&page=2>; rel=\"next\", "
                                + "<{base}/repos/acme/shop/issues?page=2>; rel=\"last\"");
            }
            return TrackerServer.Answer.json(list(issue(3, "Typo", "closed", "2026-11-02T10:00:00Z", "typo in footer", 0, false)));
        });
        try (TicketIndex index = dev.tracelens.tickets.LuceneTicketIndex.open(dir.resolve("t"))) {
            GitHubClient gh = client(Credentials.github(Map.of("TRACELENS_GITHUB_TOKEN", TOKEN, "GITHUB_TOKEN", "other"), null));
            TicketService.SyncResult r = TicketService.sync(index, gh, n -> { });
            assertEquals(2, r.tickets(), "the pull request is not a ticket");
            assertEquals("Bearer " + TOKEN, server.requests().getFirst().authorization());
            assertEquals(3, server.requests().size());
            assertTrue(index.ticket("github:acme/shop #2").isEmpty());
            assertEquals("closed", index.ticket("github:acme/shop #3").orElseThrow().status());
            var m = index.matches("Traceback (most recent call last):\n  File \"shop/price.py\", line 3, in apply_discount\n"
                    + "ZeroDivisionError: division by zero", null, 5);
            assertEquals("#1", m.getFirst().ticket().key());
            assertTrue(m.getFirst().sharedWords().contains("applydiscount"), "matched through its comment: " + m);

            server.requests().clear();
            server.answer(req -> TrackerServer.Answer.json(list(issue(3, "Typo", "open", "2026-11-04T10:00:00Z", "typo", 0, false))));
            TicketService.SyncResult second = TicketService.sync(index, gh, n -> { });
            assertEquals(Instant.parse("2026-11-02T10:00:00Z"), second.since());
            assertTrue(server.requests().getFirst().query().contains("since=2026-11-02T10:00:00Z"), server.requests().getFirst().query());
            assertEquals("open", index.ticket("github:acme/shop #3").orElseThrow().status());
            assertEquals(2, index.trackers().getFirst().tickets());
        }
    }

    @Test
    void secondaryRateLimitIsWaitedOut() {
        AtomicInteger calls = new AtomicInteger();
        server.answer(r -> switch (calls.incrementAndGet()) {
            case 1 -> TrackerServer.Answer.status(403, "{\"message\":\"You have exceeded a secondary rate limit.\"}", "Retry-After", "3");
            case 2 -> TrackerServer.Answer.status(403, "{\"message\":\"API rate limit exceeded\"}",
                    "x-ratelimit-remaining", "0", "x-ratelimit-reset", String.valueOf(Instant.now().getEpochSecond() + 30));
            case 3 -> TrackerServer.Answer.status(429, "{\"message\":\"slow down\"}");
            default -> TrackerServer.Answer.json(list(issue(5, "x", "open", "2026-11-01T10:00:00Z", "y", 0, false)));
        });
        List<Ticket> got = new ArrayList<>();
        client(Credentials.NONE).updatedSince(null, got::addAll);
        assertEquals(1, got.size());
        assertEquals(3, waits.size());
        assertEquals(Duration.ofSeconds(3), waits.get(0));
        assertTrue(waits.get(1).toSeconds() >= 28 && waits.get(1).toSeconds() <= 31, "until x-ratelimit-reset: " + waits);
        assertEquals(Duration.ofSeconds(4), waits.get(2), "no header: doubling backoff from one second, third attempt");
    }

    @Test
    void aWaitLongerThanAllowedIsAnError() {
        server.answer(r -> TrackerServer.Answer.status(429, "{}", "Retry-After", "3600"));
        TrackerException e = assertThrows(TrackerException.class, () -> client(Credentials.NONE).updatedSince(null, p -> { }));
        assertTrue(e.getMessage().contains("asks to wait 3600 s"), e.getMessage());
    }

    @Test
    void badCredentialsAndMalformedAnswers() {
        server.answer(r -> TrackerServer.Answer.status(401, "{\"message\":\"Bad credentials\"}"));
        TrackerException e = assertThrows(TrackerException.class,
                () -> client(Credentials.github(Map.of("GITHUB_TOKEN", TOKEN), null)).updatedSince(null, p -> { }));
        assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("GITHUB_TOKEN")
                && e.getMessage().contains("Bad credentials"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));

        server.answer(r -> TrackerServer.Answer.json("[{\"number\": 1, \"title\": \"x\"]"));
        TrackerException bad = assertThrows(TrackerException.class, () -> client(Credentials.NONE).updatedSince(null, p -> { }));
        assertTrue(bad.getMessage().contains("GET " + server.uri() + "/repos/acme/shop/issues?")
                && bad.getMessage().contains("malformed JSON"), bad.getMessage());
    }

    @Test
    void createPostsTitleAndBody() {
        server.answer(r -> TrackerServer.Answer.status(201,
                issue(7, "KeyError: 'currency'", "open", "2026-11-05T10:00:00Z", "the report", 0, false).toString()));
        Ticket t = client(Credentials.NONE).create("KeyError: 'currency'", "the report");
        assertEquals("#7", t.key());
        assertEquals("POST", server.requests().getFirst().method());
        assertTrue(server.requests().getFirst().body().contains("\"body\":\"the report\""));
    }
}
