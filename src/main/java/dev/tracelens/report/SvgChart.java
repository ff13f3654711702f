package dev.tracelens.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * An inline SVG bar chart of a {@link ReportHistory}: no script, no external file, prints as it
 * shows. Bars are placed by time, so hours without occurrences are gaps, and a long range is
 * folded into at most {@link #MAX_BARS} wider bars so the chart stays readable and small.
 * The chart says what it shows in its {@code <title>} for screen readers.
 */
final class SvgChart {
    static final int MAX_BARS = 240;

    private final int width;
    private final int height;
    private final boolean axes;

    /** A full chart with axis labels ({@code axes}) or a sparkline without. */
    SvgChart(int width, int height, boolean axes) {
        this.width = width;
        this.height = height;
        this.axes = axes;
    }

    String render(ReportHistory history, String id, String what) {
        Slots slots = Slots.of(history);
        int left = axes ? 44 : 0;
        int bottom = axes ? 18 : 0;
        int top = axes ? 6 : 0;
        int plotW = width - left - (axes ? 6 : 0);
        int plotH = height - bottom - top;
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-labelledby=\"").append(id).append("\">");
        svg.append("<title id=\"").append(id).append("\">").append(Html.text(describe(history, slots, what)))
                .append("</title>");
        if (axes) {
            svg.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(top + plotH)
                    .append("\" x2=\"").append(left + plotW).append("\" y2=\"").append(top + plotH).append("\"/>");
            svg.append("<text class=\"label\" x=\"").append(left - 4).append("\" y=\"").append(top + 9)
                    .append("\" text-anchor=\"end\">").append(slots.max).append("</text>");
            svg.append("<text class=\"label\" x=\"").append(left - 4).append("\" y=\"").append(top + plotH)
                    .append("\" text-anchor=\"end\">0</text>");
        }
        if (slots.counts.length > 0 && slots.max > 0) {
            double barW = (double) plotW / slots.counts.length;
            double gap = barW > 3 ? 1 : 0;
            for (int i = 0; i < slots.counts.length; i++) {
                long c = slots.counts[i];
                if (c == 0) {
                    continue;
                }
                double h = Math.max(1, plotH * (double) c / slots.max);
                Instant start = slots.start.plus(slots.width.multipliedBy(i));
                svg.append("<rect class=\"bar\" x=\"").append(num(left + i * barW)).append("\" y=\"")
                        .append(num(top + plotH - h)).append("\" width=\"").append(num(Math.max(0.5, barW - gap)))
                        .append("\" height=\"").append(num(h)).append("\"><title>")
                        .append(Html.escape(ReportTimes.bucket(start, slots.width))).append(": ").append(c)
                        .append("</title></rect>");
            }
            if (axes) {
                svg.append("<text class=\"label\" x=\"").append(left).append("\" y=\"").append(height - 4)
                        .append("\" text-anchor=\"start\">")
                        .append(Html.escape(ReportTimes.bucket(slots.start, slots.width))).append("</text>");
                Instant last = slots.start.plus(slots.width.multipliedBy(slots.counts.length - 1));
                svg.append("<text class=\"label\" x=\"").append(left + plotW).append("\" y=\"").append(height - 4)
                        .append("\" text-anchor=\"end\">")
                        .append(Html.escape(ReportTimes.bucket(last, slots.width))).append("</text>");
            }
        } else if (axes) {
            svg.append("<text class=\"label\" x=\"").append(left + plotW / 2).append("\" y=\"")
                    .append(top + plotH / 2).append("\" text-anchor=\"middle\">no occurrences</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String describe(ReportHistory history, Slots slots, String what) {
        if (slots.counts.length == 0) {
            return what + ": no occurrences";
        }
        Instant last = slots.start.plus(slots.width.multipliedBy(slots.counts.length - 1));
        return String.format(Locale.ROOT, "%s per %s, %s to %s UTC: %,d in all, at most %,d in one %s",
                what, unit(slots.width), ReportTimes.bucket(slots.start, slots.width),
                ReportTimes.bucket(last, slots.width), history.total(), slots.max, unit(slots.width));
    }

    private static String unit(Duration width) {
        if (width.equals(Duration.ofHours(1))) {
            return "hour";
        }
        if (width.equals(Duration.ofDays(1))) {
            return "day";
        }
        if (width.toDays() > 0 && width.toHours() % 24 == 0) {
            return width.toDays() + " days";
        }
        if (width.toMinutes() % 60 == 0) {
            return width.toHours() + " hours";
        }
        return width.toMinutes() + " minutes";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** The history's buckets laid out on a time axis, folded to at most MAX_BARS slots. */
    private record Slots(Instant start, Duration width, long[] counts, long max) {
        static Slots of(ReportHistory history) {
            if (history.buckets().isEmpty()) {
                return new Slots(Instant.EPOCH, history.bucket(), new long[0], 0);
            }
            Instant min = history.buckets().getFirst().start();
            Instant max = min;
            for (ReportBucket b : history.buckets()) {
                min = b.start().isBefore(min) ? b.start() : min;
                max = b.start().isAfter(max) ? b.start() : max;
            }
            long bucketMillis = history.bucket().toMillis();
            long span = (max.toEpochMilli() - min.toEpochMilli()) / bucketMillis + 1;
            long fold = (span + MAX_BARS - 1) / MAX_BARS;
            Duration width = history.bucket().multipliedBy(fold);
            int n = (int) ((span + fold - 1) / fold);
            long[] counts = new long[n];
            long top = 0;
            for (ReportBucket b : history.buckets()) {
                int slot = (int) ((b.start().toEpochMilli() - min.toEpochMilli()) / bucketMillis / fold);
                counts[slot] += b.count();
                top = Math.max(top, counts[slot]);
            }
            return new Slots(min, width, counts, top);
        }
    }
}
