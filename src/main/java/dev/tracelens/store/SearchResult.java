package dev.tracelens.store;

import dev.tracelens.traceback.Traceback;

import java.util.List;

/**
 * Occurrences matching a filter: {@code total} in all, the first {@code hits.size()} loaded
 * (best match first with a text query, otherwise newest first; without their context rows).
 */
public record SearchResult(long total, List<Traceback> hits) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
