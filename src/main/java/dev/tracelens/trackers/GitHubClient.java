package dev.tracelens.trackers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelens.tickets.Ticket;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One GitHub repository's issues through the REST API ({@code GET /repos/{owner}/{repo}/issues}
 * with {@code state=all}, {@code sort=updated}, {@code since=} for incremental syncs, paged by the
 * {@code Link} header's {@code rel="next"}); pull requests, which that endpoint lists too, are
 * left out. Comments come from each changed issue's {@code /comments}, paged the same way.
 */
public final class GitHubClient implements TrackerClient {
    public static final URI PUBLIC_API = URI.create("https://api.github.com");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private static final String ACCEPT = "application/vnd.github+json";
    private static final String HINT = "set TRACELENS_GITHUB_TOKEN or GITHUB_TOKEN, or github.token in the credentials file";

    private final URI api;
    private final String repo;
    private final TrackerHttp http;

    /**
     * @param api  {@link #PUBLIC_API}, or a GitHub Enterprise {@code https://host/api/v3}
     * @param repo {@code owner/repo}
     */
    public GitHubClient(URI api, String repo, TrackerHttp http) {
        if (!repo.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("not a GitHub repository (owner/repo): " + repo);
        }
        String a = api.toString();
        this.api = URI.create(a.endsWith("/") ? a.substring(0, a.length() - 1) : a);
        this.repo = repo;
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
        return "github:" + repo;
    }

    @Override
    public void updatedSince(Instant since, Consumer<List<Ticket>> page) {
        URI next = URI.create(api + "/repos/" + repo + "/issues?state=all&sort=updated&direction=asc&per_page=100"
                + (since == null ? "" : "&since=" + since));
        while (next != null) {
            TrackerHttp.Response r = http.get(next, ACCEPT);
            if (!r.body().isArray()) {
                throw new TrackerException("GET " + next + " answered HTTP " + r.status() + " without a list of issues");
            }
            List<Ticket> tickets = new ArrayList<>();
            for (JsonNode issue : r.body()) {
                if (!issue.has("pull_request")) {
                    tickets.add(ticket(issue));
                }
            }
            page.accept(tickets);
            next = next(r).orElse(null);
        }
    }

    @Override
    public Ticket create(String title, String markdown) {
        ObjectNode body = TrackerHttp.json().createObjectNode().put("title", title).put("body", markdown);
        return ticket(http.post(URI.create(api + "/repos/" + repo + "/issues"), ACCEPT, body).body());
    }

    private Ticket ticket(JsonNode issue) {
        long number = issue.path("number").asLong();
        List<String> comments = issue.path("comments").asInt(0) > 0 ? comments(number) : List.of();
        Instant updated;
        try {
            updated = Instant.parse(issue.path("updated_at").asText());
        } catch (DateTimeParseException e) {
            throw new TrackerException("GitHub issue #" + number + " of " + repo + " has an unreadable updated_at: "
                    + issue.path("updated_at").asText());
        }
        return new Ticket(tracker(), "#" + number, issue.path("title").asText(), issue.path("state").asText(),
                issue.path("html_url").asText(), updated, issue.path("body").asText(""), comments);
    }

    private List<String> comments(long number) {
        List<String> out = new ArrayList<>();
        URI next = URI.create(api + "/repos/" + repo + "/issues/" + number + "/comments?per_page=100");
        while (next != null) {
            TrackerHttp.Response r = http.get(next, ACCEPT);
            for (JsonNode c : r.body()) {
                out.add(c.path("body").asText(""));
            }
            next = next(r).orElse(null);
        }
        return out;
    }

    private static Optional<URI> next(TrackerHttp.Response r) {
        return r.headers().firstValue("Link").flatMap(link -> {
            Matcher m = NEXT.matcher(link);
            return m.find() ? Optional.of(URI.create(m.group(1))) : Optional.empty();
        });
    }
}
