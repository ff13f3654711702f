package dev.tracelens.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG bar chart of a {@link ReportHistory}: no script, no external file, prints as it
 * shows. Bars are laid out by {@link TimeBins}: as wide as the data's span needs (at most {@link
 * #MAX_BARS}), with a long empty stretch drawn as a break instead of hundreds of empty bars.
 * The chart says what it shows in its {@code <title>} for screen readers.
 */
final class SvgChart {
    static final int MAX_BARS = 120;
    /** Time labels under a chart with axes; more would overlap on a narrow one. */
    static final int X_TICKS = 5;

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
        // Scaled to the data it shows: bars as wide as its span needs, long empty stretches as a break.
        List<TimeBins.Bin> bins = TimeBins.of(history.buckets(), history.bucket(), null, null, MAX_BARS);
        long max = bins.stream().mapToLong(TimeBins.Bin::count).max().orElse(0);
        Duration barWidth = TimeBins.width(bins);
        int left = axes ? 44 : 0;
        int bottom = axes ? 20 : 0;
        int topPad = axes ? 8 : 0;
        int plotW = width - left - (axes ? 10 : 0);
        int plotH = height - bottom - topPad;
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-labelledby=\"").append(id).append("\">");
        svg.append("<title id=\"").append(id).append("\">").append(Html.text(describe(history, bins, max, what)))
                .append("</title>");
        long top = axes ? niceCeiling(max) : max;
        if (axes) {
            yAxis(svg, left, topPad, plotW, plotH, top);
        }
        if (!bins.isEmpty() && max > 0) {
            double barW = (double) plotW / bins.size();
            double gap = barW > 3 ? 1 : 0;
            for (int i = 0; i < bins.size(); i++) {
                TimeBins.Bin b = bins.get(i);
                double x = left + i * barW;
                if (b.gap()) {
                    svg.append("<g class=\"break\"><title>no occurrences from ")
                            .append(Html.escape(ReportTimes.bucket(b.start(), barWidth))).append(" to ")
                            .append(Html.escape(ReportTimes.bucket(b.end(), barWidth))).append("</title>");
                    for (double dx : new double[] {-2, 2}) {
                        svg.append("<line x1=\"").append(num(x + barW / 2 + dx - 2)).append("\" y1=\"")
                                .append(topPad + plotH).append("\" x2=\"").append(num(x + barW / 2 + dx + 2))
                                .append("\" y2=\"").append(num(topPad + plotH - Math.min(8, plotH))).append("\"/>");
                    }
                    svg.append("</g>");
                    continue;
                }
                if (b.count() == 0) {
                    continue;
                }
                double h = Math.max(1, plotH * (double) b.count() / (axes ? top : max));
                svg.append("<rect class=\"bar\" x=\"").append(num(x)).append("\" y=\"")
                        .append(num(topPad + plotH - h)).append("\" width=\"").append(num(Math.max(0.5, barW - gap)))
                        .append("\" height=\"").append(num(h)).append("\"><title>")
                        .append(Html.escape(ReportTimes.bucket(b.start(), barWidth))).append(": ").append(b.count())
                        .append("</title></rect>");
            }
            if (axes) {
                xAxis(svg, bins, barW, barWidth, left, topPad + plotH, plotW);
            }
        } else if (axes) {
            svg.append("<text class=\"label\" x=\"").append(left + plotW / 2).append("\" y=\"")
                    .append(topPad + plotH / 2).append("\" text-anchor=\"middle\">no occurrences</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** The axis line, tick marks with their counts (0, the middle, the top) and light grid lines. */
    private static void yAxis(StringBuilder svg, int left, int topPad, int plotW, int plotH, long top) {
        svg.append("<g class=\"y-axis\">");
        svg.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(topPad)
                .append("\" x2=\"").append(left).append("\" y2=\"").append(topPad + plotH).append("\"/>");
        svg.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(topPad + plotH)
                .append("\" x2=\"").append(left + plotW).append("\" y2=\"").append(topPad + plotH).append("\"/>");
        long[] ticks = top == 0 ? new long[] {0} : top % 2 == 0 ? new long[] {0, top / 2, top} : new long[] {0, top};
        for (long t : ticks) {
            double y = topPad + plotH - (top == 0 ? 0 : plotH * (double) t / top);
            if (t > 0) {
                svg.append("<line class=\"grid\" x1=\"").append(left).append("\" y1=\"").append(num(y))
                        .append("\" x2=\"").append(left + plotW).append("\" y2=\"").append(num(y)).append("\"/>");
            }
            svg.append("<line class=\"tick\" x1=\"").append(left - 3).append("\" y1=\"").append(num(y))
                    .append("\" x2=\"").append(left).append("\" y2=\"").append(num(y)).append("\"/>");
            svg.append("<text class=\"label\" x=\"").append(left - 5).append("\" y=\"").append(num(y + 3.5))
                    .append("\" text-anchor=\"end\">").append(String.format(Locale.ROOT, "%,d", t)).append("</text>");
        }
        svg.append("</g>");
    }

    /**
     * Tick marks under at most {@link #X_TICKS} bars spread over the chart (never on a break),
     * each labelled with its bar's start (UTC), the first aligned left and the last right.
     */
    private static void xAxis(StringBuilder svg, List<TimeBins.Bin> bins, double barW, Duration barWidth, int left,
                              int baseline, int plotW) {
        svg.append("<g class=\"x-axis\">");
        int n = bins.size();
        int ticks = Math.min(Math.min(X_TICKS, Math.max(2, plotW / 130)), n);
        int lastShown = -1;
        for (int k = 0; k < ticks; k++) {
            int i = ticks == 1 ? 0 : (int) Math.round(k * (n - 1) / (double) (ticks - 1));
            while (i < n - 1 && bins.get(i).gap()) {
                i++;
            }
            if (i <= lastShown || bins.get(i).gap()) {
                continue;
            }
            lastShown = i;
            double x = left + i * barW + barW / 2;
            String anchor = k == 0 ? "start" : k == ticks - 1 ? "end" : "middle";
            double labelX = k == 0 ? left + i * barW : k == ticks - 1 ? left + (i + 1) * barW : x;
            svg.append("<line class=\"tick\" x1=\"").append(num(x)).append("\" y1=\"").append(baseline)
                    .append("\" x2=\"").append(num(x)).append("\" y2=\"").append(baseline + 3).append("\"/>");
            svg.append("<text class=\"label\" x=\"").append(num(labelX)).append("\" y=\"").append(baseline + 14)
                    .append("\" text-anchor=\"").append(anchor).append("\">")
                    .append(Html.escape(ReportTimes.bucket(bins.get(i).start(), barWidth))).append("</text>");
        }
        svg.append("</g>");
    }

    /** The smallest of 1, 2, 5 × 10^k at or above {@code max}: a top tick people read at a glance. */
    static long niceCeiling(long max) {
        if (max <= 0) {
            return 0;
        }
        long scale = 1;
        while (scale * 10 <= max) {
            scale *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * scale >= max) {
                return m * scale;
            }
        }
        return 10 * scale;
    }

    private static TimeBins.Bin lastBar(List<TimeBins.Bin> bins) {
        for (int i = bins.size() - 1; i >= 0; i--) {
            if (!bins.get(i).gap()) {
                return bins.get(i);
            }
        }
        return bins.getLast();
    }

    private static String describe(ReportHistory history, List<TimeBins.Bin> bins, long max, String what) {
        if (bins.isEmpty()) {
            return what + ": no occurrences";
        }
        Duration w = TimeBins.width(bins);
        long breaks = bins.stream().filter(TimeBins.Bin::gap).count();
        return String.format(Locale.ROOT, "%s per %s, %s to %s UTC: %,d in all, at most %,d in one %s%s",
                what, unit(w), ReportTimes.bucket(bins.getFirst().start(), w),
                ReportTimes.bucket(lastBar(bins).start(), w), history.total(), max, unit(w),
                breaks == 0 ? "" : breaks == 1 ? "; one long empty stretch left out" : "; " + breaks
                        + " long empty stretches left out");
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
}
