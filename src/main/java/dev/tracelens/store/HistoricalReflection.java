package dev.tracelens.store;

import java.util.List;

/**
 * How many stored tracebacks, across all imported time, contain the same filtered token sequence
 * as one occurrence (a phrase match on the analyzed text, as the teams' old Elasticsearch
 * "historical reflection" did), and their ids ({@code firstId}, oldest first, at most the
 * requested number).
 *
 * @param tokens the sequence length; 0 when the traceback has no searchable words at all
 */
public record HistoricalReflection(long sourceFirstId, int tokens, long count, List<Long> firstIds) {
    public HistoricalReflection {
        firstIds = List.copyOf(firstIds);
    }
}
