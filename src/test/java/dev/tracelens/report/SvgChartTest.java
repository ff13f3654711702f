package dev.tracelens.report;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgChartTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Element render(ReportHistory history) {
        String svg = new SvgChart(720, 150, true).render(history, "c1", "Occurrences");
        return Jsoup.parse(svg, Parser.xmlParser()).selectFirst("svg");
    }

    @Test
    void barsArePlacedByTimeWithGapsAndHeightsByCount() {
        Element svg = render(new ReportHistory(Duration.ofHours(1), List.of(
                new ReportBucket(T0, 10), new ReportBucket(T0.plus(Duration.ofHours(3)), 5))));
        List<Element> bars = svg.select("rect.bar");
        assertEquals(2, bars.size());
        double x0 = Double.parseDouble(bars.get(0).attr("x"));
        double x1 = Double.parseDouble(bars.get(1).attr("x"));
        double w = Double.parseDouble(bars.get(0).attr("width"));
        assertTrue(x1 - x0 > 2.5 * w, "two empty hours between the bars");
        assertEquals(2.0, Double.parseDouble(bars.get(0).attr("height")) / Double.parseDouble(bars.get(1).attr("height")), 0.01);
        assertEquals("2026-01-01 00:00: 10", bars.get(0).selectFirst("title").text());
        assertEquals("Occurrences per hour, 2026-01-01 00:00 to 2026-01-01 03:00 UTC: 15 in all, at most 10 in one hour",
                svg.selectFirst("title#c1").text());
        assertEquals("c1", svg.attr("aria-labelledby"));
    }

    @Test
    void aLongRangeIsFoldedIntoAtMostMaxBarsKeepingTheTotal() {
        List<ReportBucket> buckets = new ArrayList<>();
        for (int h = 0; h < 24 * 365; h++) {
            buckets.add(new ReportBucket(T0.plus(Duration.ofHours(h)), 1));
        }
        Element svg = render(new ReportHistory(Duration.ofHours(1), buckets));
        List<Element> bars = svg.select("rect.bar");
        assertTrue(bars.size() <= SvgChart.MAX_BARS, bars.size() + " bars");
        long total = bars.stream().mapToLong(b -> Long.parseLong(b.selectFirst("title").text().replaceAll(".*: ", ""))).sum();
        assertEquals(24 * 365, total);
        assertTrue(svg.selectFirst("title#c1").text().contains("per 37 hours"), svg.selectFirst("title#c1").text());
    }

    @Test
    void dailyBucketsAndEmptyHistory() {
        Element daily = render(new ReportHistory(Duration.ofDays(1), List.of(new ReportBucket(T0, 3))));
        assertEquals("2026-01-01: 3", daily.selectFirst("rect.bar title").text());
        Element empty = render(ReportHistory.EMPTY);
        assertTrue(empty.select("rect").isEmpty());
        assertEquals("Occurrences: no occurrences", empty.selectFirst("title").text());
    }
}
