package dev.tracelens.report;

import dev.tracelens.store.HistoryBucket;

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
                new HistoryBucket(T0, 10), new HistoryBucket(T0.plus(Duration.ofHours(3)), 5))));
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
        List<HistoryBucket> buckets = new ArrayList<>();
        for (int h = 0; h < 24 * 365; h++) {
            buckets.add(new HistoryBucket(T0.plus(Duration.ofHours(h)), 1));
        }
        Element svg = render(new ReportHistory(Duration.ofHours(1), buckets));
        List<Element> bars = svg.select("rect.bar");
        assertTrue(bars.size() <= SvgChart.MAX_BARS, bars.size() + " bars");
        long total = bars.stream().mapToLong(b -> Long.parseLong(b.selectFirst("title").text().replaceAll(".*: ", ""))).sum();
        assertEquals(24 * 365, total);
        assertTrue(svg.selectFirst("title#c1").text().contains("per 7 days"),
                "a year of hours in whole weeks, a width people read: " + svg.selectFirst("title#c1").text());
    }

    @Test
    void twoYearsApartAreTwoClustersWithABreakNotTwoSlivers() {
        List<HistoryBucket> buckets = new ArrayList<>();
        Instant y2014 = Instant.parse("2014-05-01T00:00:00Z");
        Instant y2016 = Instant.parse("2016-09-01T00:00:00Z");
        for (int d = 0; d < 3; d++) {
            buckets.add(new HistoryBucket(y2014.plus(Duration.ofDays(d)), 4));
            buckets.add(new HistoryBucket(y2016.plus(Duration.ofDays(d)), 2));
        }
        Element svg = render(new ReportHistory(Duration.ofDays(1), buckets));
        List<Element> bars = svg.select("rect.bar");
        assertEquals(6, bars.size(), "a bar per day with occurrences");
        assertEquals(1, svg.select("g.break").size(), "the empty two years are one break");
        double w = Double.parseDouble(bars.get(0).attr("width"));
        assertTrue(w > 50, "bars are wide enough to see, not slivers: " + w);
        assertTrue(svg.selectFirst("title#c1").text().contains("one long empty stretch left out"),
                svg.selectFirst("title#c1").text());
    }

    @Test
    void dailyBucketsAndEmptyHistory() {
        Element daily = render(new ReportHistory(Duration.ofDays(1), List.of(new HistoryBucket(T0, 3))));
        assertEquals("2026-01-01: 3", daily.selectFirst("rect.bar title").text());
        Element empty = render(ReportHistory.EMPTY);
        assertTrue(empty.select("rect").isEmpty());
        assertEquals("Occurrences: no occurrences", empty.selectFirst("title").text());
    }
}
