package dev.tracelens.report;

import dev.tracelens.store.HistoryBucket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Occurrence counts laid out for a chart of a few dozen bars: the bar width picked from the span
 * the data covers (an hour to a year), and long empty stretches left out as a break, so a group
 * seen in 2014 and again in 2016 shows two clusters of readable bars with a break between, not
 * two slivers at the ends of 730 empty days. The app's charts, its table's sparklines and the
 * HTML report's charts share it.
 */
public final class TimeBins {
    /** One bar [start, end) with its count, or a break ({@code gap}) for an empty stretch left out. */
    public record Bin(Instant start, Instant end, long count, boolean gap) {
    }

    /** Bar widths to pick from, narrowest first. */
    static final List<Duration> WIDTHS = List.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3),
            Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7),
            Duration.ofDays(14), Duration.ofDays(30), Duration.ofDays(91), Duration.ofDays(365));
    /** An empty stretch longer than this share of the whole span is left out. */
    static final double GAP_SHARE = 0.2;

    private TimeBins() {
    }

    /**
     * @param buckets counts per {@code bucket}-wide slice (empty ones may be missing)
     * @param from    where the chart starts (the active time filter), or null for the first occurrence
     * @param to      where it ends (exclusive), or null for after the last occurrence
     * @param maxBars at most this many bars and breaks
     */
    public static List<Bin> of(List<HistoryBucket> buckets, Duration bucket, Instant from, Instant to, int maxBars) {
        List<HistoryBucket> seen = buckets.stream().filter(b -> b.count() > 0)
                .sorted(java.util.Comparator.comparing(HistoryBucket::start)).toList();
        if (seen.isEmpty()) {
            return List.of();
        }
        long base = bucket.toMillis();
        long start = from != null ? Math.min(from.toEpochMilli(), seen.getFirst().start().toEpochMilli())
                : seen.getFirst().start().toEpochMilli();
        long end = to != null ? Math.max(to.toEpochMilli(), seen.getLast().start().toEpochMilli() + base)
                : seen.getLast().start().toEpochMilli() + base;
        long span = Math.max(base, end - start);
        long minGap = Math.max(4 * base, (long) (span * GAP_SHARE));

        // Stretches with occurrences, split where the empty time between them is long.
        List<long[]> segments = new ArrayList<>();
        long segStart = start;
        long prevEnd = seen.getFirst().start().toEpochMilli();
        if (prevEnd - start >= minGap) {
            segments.add(new long[] {start, prevEnd, 1}); // a leading empty stretch: a break
            segStart = prevEnd;
        }
        for (HistoryBucket b : seen) {
            long s = b.start().toEpochMilli();
            if (s - prevEnd >= minGap) {
                segments.add(new long[] {segStart, prevEnd, 0});
                segments.add(new long[] {prevEnd, s, 1});
                segStart = s;
            }
            prevEnd = Math.max(prevEnd, s + base);
        }
        if (end - prevEnd >= minGap) {
            segments.add(new long[] {segStart, prevEnd, 0});
            segments.add(new long[] {prevEnd, end, 1});
        } else {
            segments.add(new long[] {segStart, end, 0});
        }

        long active = 0;
        int breaks = 0;
        for (long[] seg : segments) {
            if (seg[2] == 1) {
                breaks++;
            } else {
                active += seg[1] - seg[0];
            }
        }
        int room = Math.max(1, maxBars - breaks);
        Duration width = WIDTHS.getLast();
        for (Duration w : WIDTHS) {
            if (w.toMillis() >= base && w.toMillis() % base == 0 && ceilDiv(active, w.toMillis()) + segmentsOf(segments) <= room) {
                width = w;
                break;
            }
        }
        long wm = Math.max(base, width.toMillis());

        List<Bin> out = new ArrayList<>();
        int next = 0;
        for (long[] seg : segments) {
            if (seg[2] == 1) {
                out.add(new Bin(Instant.ofEpochMilli(seg[0]), Instant.ofEpochMilli(seg[1]), 0, true));
                continue;
            }
            long first = Math.floorDiv(seg[0], wm) * wm;
            int n = (int) Math.max(1, ceilDiv(seg[1] - first, wm));
            long[] counts = new long[n];
            while (next < seen.size() && seen.get(next).start().toEpochMilli() < seg[1]) {
                HistoryBucket b = seen.get(next++);
                int i = (int) Math.min(n - 1, Math.max(0, (b.start().toEpochMilli() - first) / wm));
                counts[i] += b.count();
            }
            for (int i = 0; i < n; i++) {
                out.add(new Bin(Instant.ofEpochMilli(first + i * wm), Instant.ofEpochMilli(first + (i + 1) * wm),
                        counts[i], false));
            }
        }
        return out;
    }

    /** The bar width of a layout (that of its first bar), or null when it has none. */
    public static Duration width(List<Bin> bins) {
        return bins.stream().filter(b -> !b.gap()).findFirst()
                .map(b -> Duration.between(b.start(), b.end())).orElse(null);
    }

    /** "hour", "6 hours", "day", "7 days", ...: what one bar counts. */
    public static String unit(Duration width) {
        if (width == null) {
            return "";
        }
        if (width.equals(Duration.ofHours(1))) {
            return "hour";
        }
        if (width.equals(Duration.ofDays(1))) {
            return "day";
        }
        if (width.toDays() > 0 && width.toHours() % 24 == 0) {
            return width.toDays() == 7 ? "week" : width.toDays() + " days";
        }
        if (width.toMinutes() % 60 == 0) {
            return width.toHours() + " hours";
        }
        return width.toMinutes() + " minutes";
    }

    /** "3 days", "2 years": how long an empty stretch left out was, roughly. */
    public static String length(Duration d) {
        long days = d.toDays();
        if (days >= 730) {
            return String.format(Locale.ROOT, "%d years", days / 365);
        }
        if (days >= 60) {
            return String.format(Locale.ROOT, "%d months", days / 30);
        }
        if (days >= 2) {
            return days + " days";
        }
        return Math.max(1, d.toHours()) + (d.toHours() == 1 ? " hour" : " hours");
    }

    private static int segmentsOf(List<long[]> segments) {
        // Each stretch may start and end mid-bar: one bar more per stretch at most.
        int n = 0;
        for (long[] s : segments) {
            if (s[2] == 0) {
                n++;
            }
        }
        return n;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
