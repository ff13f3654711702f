package dev.tracelens.store;

import java.util.List;

/**
 * A group's occurrences over time, one bucket per hour or day, empty buckets included (ready for
 * a chart). Empty when the group has no occurrence under the filter.
 */
public record History(String fingerprint, BucketSize bucketSize, long total, List<HistoryBucket> buckets) {
    public History {
        buckets = List.copyOf(buckets);
    }
}
