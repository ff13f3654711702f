package dev.tracelens.engine;

import java.time.Instant;

/** Occurrences in the time slice starting at {@code start}. */
public record HistoryPoint(Instant start, long count) {
}
