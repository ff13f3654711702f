package dev.tracelens.report;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    @TempDir
    Path spool;

    private String html() throws Exception {
        return ReportTestSupport.render(ReportFormat.HTML, CsvReportWriter.By.OCCURRENCE, spool);
    }

    @Test
    void hostileLogTextComesOutAsTextNotMarkup() throws Exception {
        String html = html();
        Document doc = Jsoup.parse(html);
        assertTrue(doc.select("script").isEmpty(), "no script element");
        assertTrue(doc.select("img, iframe, object, embed, link, base, form").isEmpty(), "no element from the log text");
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> assertFalse(a.getKey().toLowerCase().startsWith("on"),
                    "event handler attribute " + a.getKey() + " on " + e.tagName()));
        }
        // The hostile text is all there, as text: in the heading, the traceback and the context rows.
        Element second = doc.getElementById("g2");
        assertTrue(second.selectFirst("h3").text().contains(ReportFixtures.SCRIPT));
        String traceback = second.selectFirst("pre.tb").wholeText();
        assertTrue(traceback.contains("html = \"" + ReportFixtures.SCRIPT + "</pre>\""), "</pre> in the log does not end the block");
        assertTrue(traceback.contains(ReportFixtures.LONG_LINE), "the 20,000-character line is kept whole");
        assertTrue(traceback.contains("{noformat}") && traceback.contains("```"));
        assertTrue(second.selectFirst(".ctx.same").text().contains(ReportFixtures.SCRIPT));
        assertEquals("worker<img src=x onerror=alert(1)>", second.select(".occ tbody td").get(2).text());
        // Control characters are shown, never emitted: a terminal escape or a bell cannot act.
        assertTrue(traceback.contains("bell\u2407 esc\u241b[31m"), traceback.substring(0, 200));
        assertFalse(html.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t'), "no raw control character");
        assertFalse(html.contains("\u202e"), "no raw right-to-left override");
        assertTrue(traceback.contains("rtl\\u202eevil"));
    }

    @Test
    void isWellFormedAndSelfContained() throws Exception {
        String html = html();
        // A strict XML parser accepts it: every tag closed, every entity valid, no stray control character.
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        assertEquals("html", xml.getDocumentElement().getTagName());

        Document doc = Jsoup.parse(html);
        assertTrue(doc.select("[src], link[href], object, iframe").isEmpty(), "nothing fetched from elsewhere");
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            assertTrue(href.startsWith("#") && doc.getElementById(href.substring(1)) != null, "link to an anchor in the page: " + href);
        }
        assertFalse(doc.select("style").html().contains("url("), "no external resource in the CSS");
        assertTrue(doc.select("style").html().contains("@media print"), "print styles");
        assertEquals("default-src 'none'; style-src 'unsafe-inline'",
                doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"), "no script, nothing fetched");
    }

    @Test
    void showsTheHeaderSummaryChartAndGroupsInTheAppsVisualLanguage() throws Exception {
        Document doc = Jsoup.parse(html());
        assertEquals("Tracelens report: app-web <b>bold</b>", doc.title());
        String meta = doc.selectFirst("p.meta").text();
        assertTrue(meta.contains("host=i-2ee330b7 type=\"KeyError\" text:\"<script>\""), meta);
        assertTrue(meta.contains("2026-11-20 00:00:00 to 2026-11-21 00:00:00 UTC"), meta);
        assertTrue(meta.contains("2026-11-21 09:30:00 UTC"), meta);

        Elements rows = doc.select("section.summary tbody tr");
        assertEquals(3, rows.size());
        assertEquals(List.of("1", "KeyError", "'user_id'", "3", "i-2ee330b7, i-9f00aa01", "2026-11-20 03:18:39",
                "2026-11-20 04:02:11"), rows.get(0).select("td").eachText());

        Element chart = doc.selectFirst("section.overview svg");
        assertTrue(chart.selectFirst("title").text().contains("6 in all"), chart.selectFirst("title").text());
        assertEquals(3, chart.select("rect.bar").size(), "one bar per hour with occurrences, gaps for the others");

        Element first = doc.getElementById("g1");
        assertEquals(List.of("  File \"/srv/app/app/cache.py\", line 12, in lookup", "  File \"/srv/app/app/views.py\", line 42, in get_user"),
                first.select("pre.tb span.app:not(.code)").stream().map(Element::wholeText).toList());
        assertEquals(1, first.select("pre.tb span.lib:not(.code)").size(), "the flask frame is a library frame");
        assertEquals(2, first.select("pre.tb strong.exc").size());
        assertEquals(1, first.select("pre.tb .chain").size(), "chained sections are separated");
        assertEquals(2, first.select(".context .ctx.same").size(), "same-process context rows are marked");
        assertEquals(3, first.select(".context .ctx").size());
        assertEquals(3, first.select("table.occ tbody tr").size());

        assertTrue(doc.getElementById("g3").text().contains("Cut off"), "a cut-off traceback says so");
    }

    @Test
    void usesTheWindowWidthAndNeverBreaksAHostId() throws Exception {
        Document doc = Jsoup.parse(html());
        String css = doc.selectFirst("style").data();
        String body = css.substring(css.indexOf("body {"), css.indexOf('}', css.indexOf("body {")));
        assertFalse(body.contains("max-width"), "no column narrower than the window: " + body);
        assertTrue(css.contains(".id { white-space: nowrap; }"), "ids do not wrap");
        assertEquals(List.of("i-2ee330b7", "i-9f00aa01"), doc.select("section.summary tbody tr").get(0)
                .select("td span.id").eachText(), "each host of the summary is one unbreakable span");
        assertFalse(doc.getElementById("g1").select("p.facts span.id").isEmpty());
        assertFalse(doc.getElementById("g1").select("table.occ td.id").isEmpty());
    }

    @Test
    void anEmptyReportSaysSoAndLeavesNoSpoolFile() throws Exception {
        String html = ReportTestSupport.render(ReportFormat.HTML, CsvReportWriter.By.OCCURRENCE, spool, List.of());
        Document doc = Jsoup.parse(html);
        assertEquals("No tracebacks match this filter.", doc.selectFirst("section.summary tbody td").text());
        assertTrue(doc.select("article.group").isEmpty());
        try (Stream<Path> files = Files.list(spool)) {
            assertEquals(List.of(), files.toList(), "the spool file is deleted");
        }
    }
}
