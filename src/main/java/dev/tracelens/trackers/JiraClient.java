package dev.tracelens.trackers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelens.tickets.Ticket;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One Jira project through Jira's REST API: Cloud's v3 ({@code /rest/api/3/search/jql}, paged by
 * {@code nextPageToken}, descriptions and comments in Atlassian Document Format) or Server/Data
 * Center's v2 ({@code /rest/api/2/search}, paged by {@code startAt}, plain-text bodies).
 *
 * <p>Incremental: JQL {@code updated >= "yyyy/MM/dd HH:mm"} is read in the Jira user's time zone
 * and to the minute, so the query starts a day before the last update seen; the index replaces
 * tickets it already has, so the overlap costs requests, never duplicates.
 */
public final class JiraClient implements TrackerClient {

    /** Which REST API the server speaks. */
    public enum Api {
        /** Jira Cloud, REST v3. */
        CLOUD("3"),
        /** Jira Server / Data Center, REST v2. */
        SERVER("2");

        final String version;

        Api(String version) {
            this.version = version;
        }

        /** Cloud for {@code *.atlassian.net}, else Server/Data Center. */
        public static Api guess(URI base) {
            String host = base.getHost() == null ? "" : base.getHost();
            return host.endsWith(".atlassian.net") ? CLOUD : SERVER;
        }
    }

    static final int PAGE_SIZE = 100;
    static final String FIELDS = "summary,status,updated,description,comment";
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final DateTimeFormatter JQL_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm").withZone(ZoneOffset.UTC);
    private static final String HINT = "set JIRA_EMAIL and JIRA_API_TOKEN (Jira Cloud) or JIRA_PAT (Server/Data Center),"
            + " or jira.email/jira.token or jira.pat in the credentials file";

    private final URI base;
    private final String project;
    private final Api api;
    private final String issueType;
    private final TrackerHttp http;

    /**
     * @param base      the site, e.g. {@code https://x.atlassian.net} (a context path is kept)
     * @param issueType the type of created tickets ({@code Bug})
     */
    public JiraClient(URI base, String project, Api api, String issueType, TrackerHttp http) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.project = project;
        this.api = api;
        this.issueType = issueType;
        this.http = http;
    }

    public static TrackerHttp http(Credentials credentials) {
        return new TrackerHttp(credentials, HINT);
    }

    public static TrackerHttp http(Credentials credentials, Duration maxWait, TrackerHttp.Sleeper sleeper) {
        return new TrackerHttp(credentials, HINT, maxWait, sleeper);
    }

    @Override
    public String tracker() {
        return "jira:" + base + "/" + project;
    }

    @Override
    public void updatedSince(Instant since, Consumer<List<Ticket>> page) {
        String jql = "project = \"" + project.replace("\"", "\\\"") + "\""
                + (since == null ? "" : " AND updated >= \"" + JQL_TIME.format(since.minus(Duration.ofDays(1))) + "\"")
                + " ORDER BY updated ASC, key ASC";
        String common = "jql=" + enc(jql) + "&fields=" + enc(FIELDS) + "&maxResults=" + PAGE_SIZE;
        if (api == Api.CLOUD) {
            String token = null;
            do {
                JsonNode body = http.get(uri("/search/jql?" + common + (token == null ? "" : "&nextPageToken=" + enc(token))),
                        "application/json").body();
                page.accept(tickets(body));
                token = body.path("isLast").asBoolean(false) ? null : textOrNull(body.get("nextPageToken"));
            } while (token != null);
        } else {
            int startAt = 0;
            while (true) {
                JsonNode body = http.get(uri("/search?" + common + "&startAt=" + startAt), "application/json").body();
                List<Ticket> tickets = tickets(body);
                page.accept(tickets);
                startAt += tickets.size();
                if (tickets.isEmpty() || startAt >= body.path("total").asInt(0)) {
                    return;
                }
            }
        }
    }

    @Override
    public boolean wikiMarkup() {
        return api == Api.SERVER;
    }

    /** {@inheritDoc} Cloud: the Markdown as a document (code fences as code blocks); Server/DC: the text as it is (wiki markup). */
    @Override
    public Ticket create(String title, String markdown) {
        ObjectNode fields = TrackerHttp.json().createObjectNode();
        fields.putObject("project").put("key", project);
        fields.put("summary", title.length() > 250 ? title.substring(0, 250) : title);
        fields.putObject("issuetype").put("name", issueType);
        if (api == Api.CLOUD) {
            fields.set("description", AdfText.document(markdown));
        } else {
            fields.put("description", markdown);
        }
        ObjectNode body = TrackerHttp.json().createObjectNode();
        body.set("fields", fields);
        JsonNode created = http.post(uri("/issue"), "application/json", body).body();
        String key = textOrNull(created.get("key"));
        if (key == null) {
            throw new TrackerException("POST " + uri("/issue") + " answered without the new issue's key");
        }
        return ticket(http.get(uri("/issue/" + enc(key) + "?fields=" + enc(FIELDS)), "application/json").body());
    }

    private List<Ticket> tickets(JsonNode body) {
        if (!body.path("issues").isArray()) {
            throw new TrackerException("The Jira search at " + base + " answered without an \"issues\" list");
        }
        List<Ticket> out = new ArrayList<>();
        for (JsonNode issue : body.get("issues")) {
            out.add(ticket(issue));
        }
        return out;
    }

    private Ticket ticket(JsonNode issue) {
        String key = issue.path("key").asText();
        JsonNode f = issue.path("fields");
        List<String> comments = new ArrayList<>();
        for (JsonNode c : f.path("comment").path("comments")) {
            comments.add(AdfText.text(c.path("body")));
        }
        int total = f.path("comment").path("total").asInt(comments.size());
        if (total > comments.size()) {
            comments = allComments(key);
        }
        return new Ticket(tracker(), key, f.path("summary").asText(), f.path("status").path("name").asText(),
                base + "/browse/" + key, time(f.path("updated").asText(), key), AdfText.text(f.get("description")), comments);
    }

    /** An issue's comments when the search gave only the first ones. */
    private List<String> allComments(String key) {
        List<String> out = new ArrayList<>();
        while (true) {
            JsonNode body = http.get(uri("/issue/" + enc(key) + "/comment?startAt=" + out.size() + "&maxResults=" + PAGE_SIZE),
                    "application/json").body();
            int before = out.size();
            for (JsonNode c : body.path("comments")) {
                out.add(AdfText.text(c.path("body")));
            }
            if (out.size() == before || out.size() >= body.path("total").asInt(0)) {
                return out;
            }
        }
    }

    private Instant time(String value, String key) {
        try {
            return OffsetDateTime.parse(value, JIRA_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                throw new TrackerException("Jira issue " + key + " at " + base + " has an unreadable \"updated\" time: " + value);
            }
        }
    }

    private URI uri(String path) {
        return URI.create(base + "/rest/api/" + api.version + path);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() || n.asText().isEmpty() ? null : n.asText();
    }
}
