package dev.tracelens.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One issue of a tracker as the ticket index keeps it.
 *
 * @param tracker     where it lives: {@code jira:https://x.atlassian.net/KEY} or {@code github:owner/repo}
 * @param key         the tracker's own name for it ({@code KEY-12}, {@code #34})
 * @param title       its summary
 * @param status      its status as the tracker says it ({@code In Progress}, {@code open}, {@code closed})
 * @param url         where a browser shows it
 * @param updated     when the tracker last changed it (incremental syncs start there)
 * @param description its description, as plain text
 * @param comments    its comments' bodies, oldest first
 */
public record Ticket(String tracker, String key, String title, String status, String url, Instant updated,
                     String description, List<String> comments) {
    public Ticket {
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(updated, "updated");
        title = title == null ? "" : title;
        status = status == null ? "" : status;
        url = url == null ? "" : url;
        description = description == null ? "" : description;
        comments = List.copyOf(comments);
    }

    /** The index's key: tracker and key together, unique across trackers. */
    public String id() {
        return tracker + " " + key;
    }

    /** What is analyzed and matched: title, description and comments. */
    public String text() {
        StringBuilder b = new StringBuilder(title).append('\n').append(description);
        for (String c : comments) {
            b.append('\n').append(c);
        }
        return b.toString();
    }
}
