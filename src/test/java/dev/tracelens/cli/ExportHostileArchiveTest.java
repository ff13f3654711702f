package dev.tracelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelens.traceback.TracebackJson;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile log rows all the way through: a real archive file, the real reader and assembler,
 * the store on disk, and {@code tracelens export} in every format.
 */
class ExportHostileArchiveTest {
    private static final String LONG = "y".repeat(20_000);
    private static final String MESSAGE = "=1+1 </pre><script>alert(2)</script> ``` {noformat} bell\u0007 " + LONG;
    private static final String CONTEXT = "4242/MainThread INFO app: <script>alert(1)</script> ```` {noformat} "
            + "=cmd|' /C calc'!A0 \u001b[31mred";

    @TempDir
    Path tmp;
    private Path store;

    private static String row(long id, String second, String message) {
        String time = "2026-11-20T03:00:" + second;
        return String.join("\t", Long.toString(id), time, time, "1", "i-evil", "10.0.0.9", "User", "Notice", "app-web",
                message) + "\n";
    }

    @BeforeEach
    void importHostileArchive() throws Exception {
        Path archive = tmp.resolve("2026-11-20-03.tsv");
        Files.writeString(archive, row(100, "01", CONTEXT)
                + row(101, "02", "4242/MainThread ERROR app.views: Traceback (most recent call last):")
                + row(102, "02", "  File \"/srv/app/app/views.py\", line 9, in render")
                + row(103, "02", "    raise ValueError(\"</pre><script>alert(2)</script>\")")
                + row(104, "02", "ValueError: " + MESSAGE)
                + row(105, "03", "4242/MainThread INFO app: next request"));
        store = tmp.resolve("store");
        CliRun imported = CliRun.of("import", "--store", store.toString(), archive.toString());
        assertEquals(0, imported.exitCode(), imported.err());
    }

    private String export(String format) {
        CliRun run = CliRun.of("export", "--store", store.toString(), "--format", format, "--out", "-");
        assertEquals(0, run.exitCode(), run.err());
        return run.out();
    }

    @Test
    void everyFormatKeepsTheHostileTextHarmless() throws Exception {
        String html = export("html");
        Document doc = Jsoup.parse(html);
        assertTrue(doc.select("script, img").isEmpty(), "no element from the log");
        Element tb = doc.selectFirst("#g1 pre.tb");
        assertTrue(tb.wholeText().contains("raise ValueError(\"</pre><script>alert(2)</script>\")"), tb.wholeText());
        assertTrue(tb.wholeText().contains("bell\u2407 " + LONG), "control character shown, long line whole");
        assertTrue(doc.selectFirst("#g1 .ctx").text().contains("<script>alert(1)</script>"));
        assertTrue(doc.selectFirst("#g1 .ctx").text().contains("\u241b[31mred"));
        assertFalse(html.contains("\u001b") || html.contains("\u0007"));

        String md = export("md");
        assertTrue(md.contains("\n`````text\n"), "fence longer than the log's four backticks");
        assertFalse(md.contains("\u001b") || md.contains("\u0007"));
        assertTrue(md.contains("## 1. ValueError: =1+1 \\</pre\\>\\<script\\>alert(2)\\</script\\>"),
                md.lines().filter(l -> l.startsWith("## ")).findFirst().orElse(""));

        String jira = export("jira");
        assertEquals(2, jira.lines().filter(l -> l.contains("{noformat}")).count(), "only the block's own markers");
        assertTrue(jira.contains("{\\noformat}"));

        JsonNode json = TracebackJson.mapper().readTree(export("json"));
        JsonNode rep = json.get("groups").get(0).get("representative");
        assertEquals(MESSAGE, rep.get("message").textValue(), "JSON keeps the exact text, escaped by Jackson");
        assertTrue(rep.get("context").get(0).get("message").textValue().startsWith("4242/MainThread INFO app: <script>"));

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(export("csv"))).getRecords();
        assertEquals(1, rows.size());
        assertTrue(rows.getFirst().get("message").startsWith("'=1+1 </pre>"), rows.getFirst().get("message").substring(0, 30));
    }
}
