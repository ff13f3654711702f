package dev.tracelens.trackers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelens.engine.TicketService;
import dev.tracelens.tickets.Ticket;
import dev.tracelens.tickets.TicketIndex;
import dev.tracelens.tickets.TicketMatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contract test of {@link JiraClient}: a local HTTP server answers with the request and response
 * shapes Atlassian documents for Jira Cloud REST v3 ({@code /rest/api/3/search/jql},
 * {@code nextPageToken}, Atlassian Document Format) and Server/Data Center REST v2
 * ({@code /rest/api/2/search}, {@code startAt}/{@code total}). It is not the real Jira.
 */
class JiraClientContractTest {
    private static final String TOKEN = "s3cr3t-jira-token-123";

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

    private JiraClient client(JiraClient.Api api, Credentials credentials) {
        return new JiraClient(server.uri(), "SHOP", api, "Bug",
                JiraClient.http(credentials, Duration.ofMinutes(5), waits::add));
    }

    static ObjectNode adf(String text) {
        ObjectNode doc = TrackerHttp.json().createObjectNode().put("type", "doc").put("version", 1);
        ObjectNode p = doc.putArray("content").addObject().put("type", "codeBlock");
        p.putArray("content").addObject().put("type", "text").put("text", text);
        return doc;
    }

    static ObjectNode issue(String key, String summary, String status, String updated, Object description, Object... comments) {
        ObjectNode issue = TrackerHttp.json().createObjectNode().put("id", "1" + key.hashCode()).put("key", key);
        ObjectNode f = issue.putObject("fields").put("summary", summary).put("updated", updated);
        f.putObject("status").put("name", status);
        if (description instanceof String s) {
            f.put("description", s);
        } else {
            f.set("description", (ObjectNode) description);
        }
        ObjectNode comment = f.putObject("comment");
        ArrayNode list = comment.putArray("comments");
        for (Object c : comments) {
            if (c instanceof String s) {
                list.addObject().put("body", s);
            } else {
                list.addObject().set("body", (ObjectNode) c);
            }
        }
        comment.put("total", comments.length).put("maxResults", comments.length).put("startAt", 0);
        return issue;
    }

    static String page(String nextToken, ObjectNode... issues) {
        ObjectNode body = TrackerHttp.json().createObjectNode();
        ArrayNode list = body.putArray("issues");
        for (ObjectNode i : issues) {
            list.add(i);
        }
        if (nextToken != null) {
            body.put("nextPageToken", nextToken).put("isLast", false);
        } else {
            body.put("isLast", true);
        }
        return body.toString();
    }

    @Test
    void cloudPagesByNextPageTokenAndSyncsIncrementally() {
        String trace = "Traceback (most recent call last):\n  File \"/srv/shop/checkout.py\", line 41, in submit_order\n"
                + "    total = basket.total()\nKeyError: 'currency'";
        server.answer(r -> {
            assertTrue(r.uri().getPath().equals("/rest/api/3/search/jql"), r.uri().toString());
            if (!r.query().contains("nextPageToken=")) {
                return TrackerServer.Answer.json(page("tok-2",
                        issue("SHOP-1", "Checkout fails", "To Do", "2026-11-01T10:00:00.000+0000", adf(trace), adf("seen again in submit_order"))));
            }
            assertTrue(r.query().contains("nextPageToken=tok-2"), r.query());
            return TrackerServer.Answer.json(page(null,
                    issue("SHOP-2", "Slow search", "Done", "2026-11-02T09:30:00.000+0000", adf("search is slow"))));
        });
        try (TicketIndex index = dev.tracelens.tickets.LuceneTicketIndex.open(dir.resolve("tickets"))) {
            JiraClient jira = client(JiraClient.Api.CLOUD, Credentials.basic("me@example.com", TOKEN, "test"));
            TicketService.SyncResult first = TicketService.sync(index, jira, n -> { });
            assertEquals(2, first.tickets());
            assertEquals(null, first.since());
            assertEquals(2, server.requests().size());
            String auth = server.requests().getFirst().authorization();
            assertTrue(auth.startsWith("Basic "), auth);
            assertTrue(server.requests().getFirst().query().contains("project = \"SHOP\""));
            assertFalse(server.requests().getFirst().query().contains("updated >="));

            List<TicketMatch> m = index.matches(trace, "fp", 5);
            assertEquals("SHOP-1", m.getFirst().ticket().key());
            assertEquals("To Do", m.getFirst().ticket().status());
            assertEquals(server.uri() + "/browse/SHOP-1", m.getFirst().ticket().url());
            assertTrue(m.getFirst().sharedWords().containsAll(List.of("KeyError", "currency", "submitorder", "basket")), m.toString());

            server.requests().clear();
            server.answer(r -> TrackerServer.Answer.json(page(null,
                    issue("SHOP-2", "Slow search", "Reopened", "2026-11-03T08:00:00.000+0000", adf("search is slow")))));
            TicketService.SyncResult second = TicketService.sync(index, jira, n -> { });
            assertEquals(1, second.tickets());
            assertEquals(java.time.Instant.parse("2026-11-02T09:30:00Z"), second.since());
            // a day before the last update: JQL reads dates in the user's zone, to the minute
            assertTrue(server.requests().getFirst().query().contains("updated >= \"2026/11/01 09:30\""),
                    server.requests().getFirst().query());
            assertEquals(2, index.trackers().getFirst().tickets(), "replaced, not added");
            assertEquals("Reopened", index.ticket(jira.tracker() + " SHOP-2").orElseThrow().status());
        }
    }

    @Test
    void serverPagesByStartAtWithAPersonalAccessToken() {
        server.answer(r -> {
            assertEquals("/rest/api/2/search", r.uri().getPath());
            int startAt = Integer.parseInt(r.query().replaceAll(".*startAt=(\\d+).*", "$1"));
            ObjectNode body = TrackerHttp.json().createObjectNode().put("startAt", startAt).put("maxResults", 2).put("total", 3);
            ArrayNode issues = body.putArray("issues");
            for (int i = startAt; i < Math.min(3, startAt + 2); i++) {
                issues.add(issue("SHOP-" + (i + 1), "t" + i, "Open", "2026-11-0" + (i + 1) + "T10:00:00.000+0000",
                        "plain wiki text " + i, "a comment"));
            }
            return TrackerServer.Answer.json(body.toString());
        });
        List<Ticket> got = new ArrayList<>();
        client(JiraClient.Api.SERVER, Credentials.jira(Map.of("JIRA_PAT", TOKEN), null)).updatedSince(null, got::addAll);
        assertEquals(List.of("SHOP-1", "SHOP-2", "SHOP-3"), got.stream().map(Ticket::key).toList());
        assertEquals("plain wiki text 0", got.getFirst().description());
        assertEquals(List.of("a comment"), got.getFirst().comments());
        assertEquals(List.of("0", "2"), server.requests().stream().map(r -> r.query().replaceAll(".*startAt=(\\d+).*", "$1")).toList());
        assertEquals("Bearer " + TOKEN, server.requests().getFirst().authorization());
    }

    @Test
    void waitsAsRetryAfterSaysOn429() {
        AtomicInteger calls = new AtomicInteger();
        server.answer(r -> calls.incrementAndGet() == 1
                ? TrackerServer.Answer.status(429, "{\"errorMessages\":[\"Rate limit exceeded\"]}", "Retry-After", "7")
                : TrackerServer.Answer.json(page(null, issue("SHOP-9", "x", "Open", "2026-11-01T10:00:00.000+0000", adf("y")))));
        List<Ticket> got = new ArrayList<>();
        client(JiraClient.Api.CLOUD, Credentials.NONE).updatedSince(null, got::addAll);
        assertEquals(1, got.size());
        assertEquals(List.of(Duration.ofSeconds(7)), waits);
        assertEquals(2, server.requests().size());
    }

    @Test
    void refusedCredentialsAreNamedButNeverShown() {
        server.answer(r -> TrackerServer.Answer.status(401,
                "{\"errorMessages\":[\"Client must be authenticated; token " + TOKEN + " rejected\"]}"));
        TrackerException e = assertThrows(TrackerException.class,
                () -> client(JiraClient.Api.CLOUD, Credentials.jira(Map.of("JIRA_EMAIL", "me@example.com", "JIRA_API_TOKEN", TOKEN), null))
                        .updatedSince(null, p -> { }));
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertTrue(e.getMessage().contains("JIRA_EMAIL and JIRA_API_TOKEN"), e.getMessage());
        assertTrue(e.getMessage().contains("/rest/api/3/search/jql"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    void malformedJsonNamesTheResponse() {
        server.answer(r -> TrackerServer.Answer.json("{\"issues\": [ {\"key\": \"SHOP-1\", "));
        TrackerException e = assertThrows(TrackerException.class,
                () -> client(JiraClient.Api.CLOUD, Credentials.NONE).updatedSince(null, p -> { }));
        assertTrue(e.getMessage().startsWith("GET " + server.uri() + "/rest/api/3/search/jql?"), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 200 with malformed JSON at line 1"), e.getMessage());
    }

    @Test
    void createPostsTheMarkdownAsADocumentAndReadsTheIssueBack() {
        server.answer(r -> {
            if (r.method().equals("POST")) {
                assertEquals("/rest/api/3/issue", r.uri().getPath());
                return TrackerServer.Answer.status(201, "{\"id\":\"10010\",\"key\":\"SHOP-10\",\"self\":\"{base}/rest/api/3/issue/10010\"}");
            }
            assertEquals("/rest/api/3/issue/SHOP-10", r.uri().getPath());
            return TrackerServer.Answer.json(issue("SHOP-10", "KeyError: 'currency'", "To Do", "2026-11-05T10:00:00.000+0000",
                    adf("KeyError: 'currency'")).toString());
        });
        Ticket t = client(JiraClient.Api.CLOUD, Credentials.NONE).create("KeyError: 'currency'", "# Group\n\n```\nKeyError: 'currency'\n```\n");
        assertEquals("SHOP-10", t.key());
        String posted = server.requests().getFirst().body();
        assertTrue(posted.contains("\"type\":\"codeBlock\""), posted);
        assertTrue(posted.contains("\"project\":{\"key\":\"SHOP\"}"), posted);
        assertTrue(posted.contains("\"issuetype\":{\"name\":\"Bug\"}"), posted);
    }
}
