package dev.tracelens.ui.groups;

import java.time.Duration;
import java.time.Instant;

/**
 * The time filter. Archives are usually investigated after the fact, so "last day" means the
 * last day of what is stored, not of the wall clock.
 */
public enum TimeRange {
    ALL("All time", null),
    LAST_HOUR("Last hour", Duration.ofHours(1)),
    LAST_DAY("Last 24 hours", Duration.ofDays(1)),
    LAST_WEEK("Last 7 days", Duration.ofDays(7)),
    LAST_MONTH("Last 30 days", Duration.ofDays(30));

    private final String label;
    private final Duration length;

    TimeRange(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    /** Start of the range ending at {@code newest} (the latest stored occurrence); null = open. */
    public Instant since(Instant newest) {
        return length == null || newest == null ? null : newest.minus(length);
    }

    @Override
    public String toString() {
        return label;
    }
}
