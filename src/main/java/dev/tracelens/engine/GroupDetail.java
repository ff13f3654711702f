package dev.tracelens.engine;

import dev.tracelens.store.HistoryBucket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the detail pane shows for a group.
 *
 * @param occurrences    newest first, at most the limit asked for
 * @param bucket         the width of a {@code history} slice (an hour or a day)
 * @param seenBefore     stored tracebacks, in all imported history and regardless of the filters,
 *                       with the same filtered text as this group's representative (the "historical
 *                       reflection")
 * @param sameTextBefore of those, the ones before {@code before}; -1 when it could not be counted
 * @param before         the start of the time filter, else the group's first occurrence under the
 *                       query: "did this text occur before what I am looking at?"
 * @param tickets        known tickets matching the group's traceback, best first
 */
public record GroupDetail(GroupRow group, List<Occurrence> occurrences, List<HistoryBucket> history,
                          Duration bucket, long seenBefore, long sameTextBefore, Instant before,
                          List<dev.tracelens.tickets.TicketMatch> tickets) {
    public GroupDetail {
        occurrences = List.copyOf(occurrences);
        history = List.copyOf(history);
        tickets = tickets == null ? List.of() : List.copyOf(tickets);
    }

    public GroupDetail(GroupRow group, List<Occurrence> occurrences, List<HistoryBucket> history, Duration bucket,
                       long seenBefore, long sameTextBefore, Instant before) {
        this(group, occurrences, history, bucket, seenBefore, sameTextBefore, before, List.of());
    }

    public GroupDetail(GroupRow group, List<Occurrence> occurrences, List<HistoryBucket> history, Duration bucket,
                       long seenBefore) {
        this(group, occurrences, history, bucket, seenBefore, -1, null);
    }
}
