package dev.tracelens.store;

import java.time.Duration;

/** Width of a history bucket; buckets start at whole UTC hours or days. */
public enum BucketSize {
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private final long millis;

    BucketSize(Duration width) {
        this.millis = width.toMillis();
    }

    public long millis() {
        return millis;
    }

    /** The start of the bucket holding {@code epochMillis}. */
    long floor(long epochMillis) {
        return Math.floorDiv(epochMillis, millis) * millis;
    }
}
