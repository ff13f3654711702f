package dev.tracelens.report;

import dev.tracelens.store.HistoryBucket;

import java.time.Duration;
import java.util.List;

/**
 * Occurrence counts over time, in buckets of equal width (an hour or a day). Buckets with no
 * occurrence may be missing: the chart places bars by time, not by position in the list.
 */
public record ReportHistory(Duration bucket, List<HistoryBucket> buckets) {
    public static final ReportHistory EMPTY = new ReportHistory(Duration.ofHours(1), List.of());

    public ReportHistory {
        if (bucket == null || bucket.isZero() || bucket.isNegative()) {
            throw new IllegalArgumentException("bucket width must be positive, not " + bucket);
        }
        buckets = List.copyOf(buckets);
    }

    public long total() {
        long sum = 0;
        for (HistoryBucket b : buckets) {
            sum += b.count();
        }
        return sum;
    }
}
