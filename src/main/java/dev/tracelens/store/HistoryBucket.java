package dev.tracelens.store;

import java.time.Instant;

/** Occurrences in [start, start + bucket width). */
public record HistoryBucket(Instant start, long count) {
}
