package dev.tracelens.report;

import dev.tracelens.store.HistoryBucket;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Charts scaled to the data they show: the bar width from the span, long empty stretches as a break. */
class TimeBinsTest {
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration HOUR = Duration.ofHours(1);

    private static List<HistoryBucket> days(String firstDay, long... counts) {
        List<HistoryBucket> out = new ArrayList<>();
        Instant t = Instant.parse(firstDay + "T00:00:00Z");
        for (long c : counts) {
            out.add(new HistoryBucket(t, c));
            t = t.plus(DAY);
        }
        return out;
    }

    @Test
    void twoClustersYearsApartGetABreakAndReadableBars() {
        // The case: archives from 2014 and from 2016, daily counts.
        List<HistoryBucket> b = new ArrayList<>(days("2014-03-01", 5, 9, 0, 4));
        b.addAll(days("2016-08-10", 2, 7, 3));
        List<TimeBins.Bin> bins = TimeBins.of(b, DAY, null, null, 60);
        long breaks = bins.stream().filter(TimeBins.Bin::gap).count();
        assertEquals(1, breaks, "one break for the two empty years: " + bins);
        List<TimeBins.Bin> bars = bins.stream().filter(x -> !x.gap()).toList();
        assertEquals(DAY, TimeBins.width(bins), "seven days of data in 60 bars: a bar per day");
        assertEquals(7, bars.size(), "no empty bar for the years between: " + bars);
        assertEquals(30, bars.stream().mapToLong(TimeBins.Bin::count).sum(), "every occurrence counted");
        assertTrue(bins.size() <= 60);
    }

    @Test
    void theBarWidthFollowsTheSpan() {
        long[] month = new long[90];
        java.util.Arrays.fill(month, 1);
        List<TimeBins.Bin> bins = TimeBins.of(days("2026-01-01", month), DAY, null, null, 40);
        assertEquals(Duration.ofDays(7), TimeBins.width(bins), "90 days in 40 bars: a bar per week");
        assertTrue(bins.stream().noneMatch(TimeBins.Bin::gap), "no empty stretch to leave out");
        assertEquals(90, bins.stream().mapToLong(TimeBins.Bin::count).sum());

        Instant h = Instant.parse("2026-01-01T00:00:00Z");
        List<HistoryBucket> hours = List.of(new HistoryBucket(h, 3), new HistoryBucket(h.plus(HOUR.multipliedBy(5)), 1));
        assertEquals(HOUR, TimeBins.width(TimeBins.of(hours, HOUR, null, null, 24)), "six hours: a bar per hour");
    }

    @Test
    void aTimeFilterSetsTheRangeAndALongEmptyStartIsABreak() {
        Instant since = Instant.parse("2026-01-01T00:00:00Z");
        Instant until = Instant.parse("2026-01-31T00:00:00Z");
        List<TimeBins.Bin> bins = TimeBins.of(days("2026-01-25", 4, 1), DAY, since, until, 30);
        assertTrue(bins.getFirst().gap(), "the empty 24 days before are one break: " + bins);
        assertEquals(since, bins.getFirst().start());
        assertEquals(until, bins.getLast().end(), "the chart ends where the filter does");
    }

    @Test
    void nothingToShow() {
        assertEquals(List.of(), TimeBins.of(List.of(), DAY, null, null, 24));
        assertEquals(List.of(), TimeBins.of(days("2026-01-01", 0, 0), DAY, null, null, 24));
    }
}
