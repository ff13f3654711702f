package dev.tracelens.engine;

import dev.tracelens.tickets.Ticket;
import dev.tracelens.tickets.LuceneTicketIndex;
import dev.tracelens.tickets.TicketIndex;
import dev.tracelens.tickets.TicketMatch;
import dev.tracelens.traceback.Traceback;
import dev.tracelens.trackers.Credentials;
import dev.tracelens.trackers.GitHubClient;
import dev.tracelens.trackers.JiraClient;
import dev.tracelens.trackers.TrackerClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Tickets for the front-ends: syncing a tracker into the ticket index, the tickets that match a
 * group's traceback, and creating a ticket from a group. The one place that wires
 * {@code trackers} (the HTTP clients) to {@code tickets} (the index).
 */
public final class TicketService {
    /** Tickets shown per group at most. */
    public static final int MAX_MATCHES = 10;

    private TicketService() {
    }

    /**
     * The ticket index of the store in {@code storeDir}: {@code <store>-tickets} beside it (as the
     * live spool is), not inside it, because the store refuses foreign files in its folder and a
     * {@code store rebuild} swaps the whole folder (ADR 0017).
     */
    public static Path defaultIndex(Path storeDir) {
        Path abs = storeDir.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + "-tickets");
    }

    public static TicketIndex open(Path indexDir) {
        return LuceneTicketIndex.open(indexDir);
    }

    public static TicketIndex openReadOnly(Path indexDir) {
        return LuceneTicketIndex.openReadOnly(indexDir);
    }

    /** A Jira project's client; credentials from {@code env} or {@code credentialsFile} (see {@link Credentials#jira}). */
    public static TrackerClient jira(URI site, String project, JiraClient.Api api, String issueType,
                                     Map<String, String> env, Path credentialsFile) {
        return new JiraClient(site, project, api == null ? JiraClient.Api.guess(site) : api, issueType,
                JiraClient.http(Credentials.jira(env, credentialsFile)));
    }

    /** A GitHub repository's client; token from {@code env} or {@code credentialsFile} (see {@link Credentials#github}). */
    public static TrackerClient github(URI api, String repo, Map<String, String> env, Path credentialsFile) {
        return new GitHubClient(api == null ? GitHubClient.PUBLIC_API : api, repo,
                GitHubClient.http(Credentials.github(env, credentialsFile)));
    }

    /**
     * What a sync did.
     *
     * @param since       where it started (the index's latest update of this tracker; null: everything)
     * @param lastUpdated the latest update in the index afterwards
     */
    public record SyncResult(String tracker, int tickets, Instant since, Instant lastUpdated) {
    }

    /**
     * Fetches the tickets of {@code client} updated since the index's latest one of that tracker
     * and puts them into {@code index}, one commit per page (an interrupted sync keeps its pages
     * and resumes after them).
     *
     * @param progress told the running count of tickets after every page
     */
    public static SyncResult sync(TicketIndex index, TrackerClient client, IntConsumer progress) {
        Instant since = index.lastUpdated(client.tracker()).orElse(null);
        int[] count = {0};
        client.updatedSince(since, page -> {
            index.put(page);
            count[0] += page.size();
            progress.accept(count[0]);
        });
        return new SyncResult(client.tracker(), count[0], since, index.lastUpdated(client.tracker()).orElse(null));
    }

    /** The tickets matching {@code traceback}'s text, best first (linked to its group first). */
    public static List<TicketMatch> matches(TicketIndex index, Traceback traceback, int max) {
        return index.matches(traceback.text(), traceback.fingerprint(), max);
    }

    /**
     * A ticket to create from a group, for the user to read and edit first.
     *
     * @param title       "Type: message" of the group's representative, at most 120 characters
     * @param description the group's report as Markdown (Jira wiki markup for Jira Server/DC):
     *                    its facts, the traceback with its context rows, its latest occurrences
     */
    public record Draft(String fingerprint, String title, String description) {
    }

    /**
     * The draft of a ticket for the group {@code fingerprint}, made by the group's Markdown report
     * ({@link ExportService#groupMarkdown}); empty when the store has no such group. It holds
     * what the store holds (log rows), never a tracker credential.
     */
    public static java.util.Optional<Draft> draft(dev.tracelens.store.TracebackIndex store, TrackerClient client,
                                                  String fingerprint, int occurrences) {
        ExportService exports = new ExportService(store, java.time.Clock.systemUTC());
        return exports.groupMarkdown(fingerprint, -1, dev.tracelens.store.StoreFilter.ALL, occurrences, client.wikiMarkup())
                .map(body -> {
                    Traceback rep = store.latest(fingerprint).orElseThrow();
                    String type = rep.exceptionType().isEmpty() ? "Traceback" : rep.exceptionType();
                    String message = rep.message().lines().findFirst().orElse("").strip();
                    String title = message.isEmpty() ? type : type + ": " + message;
                    return new Draft(fingerprint, title.length() > 120 ? title.substring(0, 119) + "…" : title, body);
                });
    }

    /** Creates a ticket through {@code client} and links it to the group {@code fingerprint} in the index at once. */
    public static Ticket create(TicketIndex index, TrackerClient client, String fingerprint, String title, String markdown) {
        Ticket created = client.create(title, markdown);
        index.link(created, fingerprint);
        return created;
    }
}
