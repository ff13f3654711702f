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
        int bottom = axes ? 18 : 0;
        int top = axes ? 6 : 0;
        int plotW = width - left - (axes ? 6 : 0);
        int plotH = height - bottom - top;
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-labelledby=\"").append(id).append("\">");
        svg.append("<title id=\"").append(id).append("\">").append(Html.text(describe(history, bins, max, what)))
                .append("</title>");
        if (axes) {
            svg.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(top + plotH)
                    .append("\" x2=\"").append(left + plotW).append("\" y2=\"").append(top + plotH).append("\"/>");
            svg.append("<text class=\"label\" x=\"").append(left - 4).append("\" y=\"").append(top + 9)
                    .append("\" text-anchor=\"end\">").append(max).append("</text>");
            svg.append("<text class=\"label\" x=\"").append(left - 4).append("\" y=\"").append(top + plotH)
                    .append("\" text-anchor=\"end\">0</text>");
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
                                .append(top + plotH).append("\" x2=\"").append(num(x + barW / 2 + dx + 2))
                                .append("\" y2=\"").append(num(top + plotH - Math.min(8, plotH))).append("\"/>");
                    }
                    svg.append("</g>");
                    continue;
                }
                if (b.count() == 0) {
                    continue;
                }
                double h = Math.max(1, plotH * (double) b.count() / max);
                svg.append("<rect class=\"bar\" x=\"").append(num(x)).append("\" y=\"")
                        .append(num(top + plotH - h)).append("\" width=\"").append(num(Math.max(0.5, barW - gap)))
                        .append("\" height=\"").append(num(h)).append("\"><title>")
                        .append(Html.escape(ReportTimes.bucket(b.start(), barWidth))).append(": ").append(b.count())
                        .append("</title></rect>");
            }
            if (axes) {
                svg.append("<text class=\"label\" x=\"").append(left).append("\" y=\"").append(height - 4)
                        .append("\" text-anchor=\"start\">")
                        .append(Html.escape(ReportTimes.bucket(bins.getFirst().start(), barWidth))).append("</text>");
                svg.append("<text class=\"label\" x=\"").append(left + plotW).append("\" y=\"").append(height - 4)
                        .append("\" text-anchor=\"end\">")
                        .append(Html.escape(ReportTimes.bucket(lastBar(bins).start(), barWidth))).append("</text>");
            }
        } else if (axes) {
            svg.append("<text class=\"label\" x=\"").append(left + plotW / 2).append("\" y=\"")
                    .append(top + plotH / 2).append("\" text-anchor=\"middle\">no occurrences</text>");
        }
        return svg.append("</svg>").toString();
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
