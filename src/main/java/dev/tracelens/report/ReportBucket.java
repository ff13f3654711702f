package dev.tracelens.report;

import java.time.Instant;

/** How many occurrences fell into the bucket that starts at {@code start}. */
public record ReportBucket(Instant start, long count) {
    public ReportBucket {
        if (start == null) {
            throw new IllegalArgumentException("bucket start is required");
        }
    }
}
