package dev.tracelens.engine;

import java.time.Duration;
import java.util.List;

/**
 * What the detail pane shows for a group.
 *
 * @param occurrences newest first, at most the limit asked for
 * @param bucket      the width of a {@code history} slice (an hour or a day)
 * @param seenBefore  stored tracebacks, in all imported history and regardless of the filters,
 *                    with the same filtered text as this group's representative
 */
public record GroupDetail(GroupRow group, List<Occurrence> occurrences, List<HistoryPoint> history,
                          Duration bucket, long seenBefore) {
    public GroupDetail {
        occurrences = List.copyOf(occurrences);
        history = List.copyOf(history);
    }
}
