package dev.tracelens.store;

import java.time.Instant;

/**
 * How many occurrences fell into the bucket {@code [start, start + bucket width)}: the one shape of a
 * history bucket, from the store's aggregation through the app's chart to the reports.
 */
public record HistoryBucket(Instant start, long count) {
    public HistoryBucket {
        if (start == null) {
            throw new IllegalArgumentException("bucket start is required");
        }
        if (count < 0) {
            throw new IllegalArgumentException("bucket count must be >= 0: " + count);
        }
    }
}
