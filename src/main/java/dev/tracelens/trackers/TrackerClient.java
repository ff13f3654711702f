package dev.tracelens.trackers;

import dev.tracelens.tickets.Ticket;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** One tracker project or repository: its tickets changed since a time, page by page, and new tickets. */
public interface TrackerClient {

    /** The tracker as the ticket index names it ({@code jira:https://x.atlassian.net/KEY}, {@code github:owner/repo}). */
    String tracker();

    /**
     * Hands every ticket updated at or after {@code since} (all when null) to {@code page}, one
     * page at a time, oldest update first, so that a sync stopped half-way resumes where it was.
     */
    void updatedSince(Instant since, Consumer<List<Ticket>> page);

    /** Whether descriptions are Jira wiki markup (Server/Data Center) rather than Markdown. */
    default boolean wikiMarkup() {
        return false;
    }

    /** Creates a ticket and returns it as the tracker stored it. */
    Ticket create(String title, String markdown);
}
