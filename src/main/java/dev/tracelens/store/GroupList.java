package dev.tracelens.store;

import java.util.List;

/**
 * Groups under a filter: the first {@code groups.size()} in the requested order, out of
 * {@code totalGroups}, which together hold {@code totalOccurrences}.
 */
public record GroupList(long totalOccurrences, int totalGroups, List<GroupSummary> groups) {
    public GroupList {
        groups = List.copyOf(groups);
    }
}
