package dev.tracelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ScriptedScan;
import dev.tracelens.store.StoreImporter;
import dev.tracelens.store.TracebackStore;
import dev.tracelens.traceback.TracebackJson;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.tracelens.store.TestTracebacks.T0;
import static dev.tracelens.store.TestTracebacks.tb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tracelens export} over a real store on disk. */
class ExportCommandTest {
    private static final String ARCHIVE = "2016-08-12.tsv";
    private static final String HOSTILE = "=cmd|' /C calc'!A0 <script>alert(1)</script> ``` {noformat}\u001b[31m";

    @TempDir
    Path tmp;
    private Path store;

    @BeforeEach
    void fill() throws IOException {
        store = tmp.resolve("store");
        Path file = Files.writeString(tmp.resolve(ARCHIVE), "rows");
        ScriptedScan scan = new ScriptedScan().emit(ARCHIVE,
                tb(1000, T0, "i-host1", "app-web", "KeyError", "'user_id'", "login_required", "fpA", ARCHIVE),
                tb(1100, T0.plusSeconds(3600), "i-host2", "app-web", "KeyError", "'user_id'", "login_required", "fpA", ARCHIVE),
                tb(1150, T0.plusSeconds(3700), "i-host1", "app-web", "KeyError", "'user_id'", "login_required", "fpA", ARCHIVE),
                tb(1200, T0.plusSeconds(7200), "i-host3", "app-worker", "ValueError", HOSTILE, "parse", "fpB", ARCHIVE));
        try (TracebackStore s = TracebackStore.open(store)) {
            new StoreImporter(s, scan).importArchives(List.of(file), ImportListener.NONE);
        }
    }

    private CliRun export(String... args) {
        List<String> all = new ArrayList<>(List.of("export", "--store", store.toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> tmp.relativize(p)).sorted().toList();
        }
    }

    @Test
    void htmlFileWithEveryGroupUnderTheFilter() throws Exception {
        Path out = tmp.resolve("report.html");
        CliRun run = export("--out", out.toString(), "--occurrences", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("wrote 2 groups to"), run.err());
        Document doc = Jsoup.parse(Files.readString(out));
        assertTrue(doc.select("script").isEmpty());
        assertEquals(List.of("KeyError", "ValueError"), doc.select("section.summary td.type").eachText(), "most frequent first");
        assertEquals("3", doc.select("section.summary tbody tr").getFirst().select("td").get(3).text());
        assertEquals(2, doc.select("#g1 table.occ tbody tr").size(), "--occurrences caps the list");
        assertTrue(doc.getElementById("g2").selectFirst("h3").text().contains("<script>alert(1)</script>"));
        assertEquals(3, doc.select("#g1 .ctx").size(), "the representative comes with its context rows");
        assertTrue(doc.selectFirst("section.overview svg title").text().contains("4 in all"),
                doc.selectFirst("section.overview svg title").text());
        assertEquals(List.of(Path.of("2016-08-12.tsv"), Path.of("report.html"), Path.of("store")), files(),
                "no temporary or spool file left");
    }

    @Test
    void filtersAndPickedGroupsNarrowTheReport() throws Exception {
        CliRun md = export("--format", "md", "--out", "-", "--host", "i-host2");
        assertEquals(0, md.exitCode(), md.err());
        assertTrue(md.out().contains("- **Filter:** host=i-host2"), md.out());
        assertTrue(md.out().contains("## 1. KeyError: 'user\\_id'") && md.out().contains("- **Count:** 1"), md.out());
        assertFalse(md.out().contains("ValueError"));

        CliRun json = export("--format", "json", "--out", "-", "--groups", "fpB");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode doc = TracebackJson.mapper().readTree(json.out());
        assertEquals(1, doc.get("groups").size());
        assertEquals("fpB", doc.get("groups").get(0).get("fingerprint").textValue());
        assertEquals(HOSTILE, doc.get("groups").get(0).get("representative").get("message").textValue());
        assertEquals(1, doc.get("history").get("buckets").get(0).get("count").intValue());
        assertEquals("groups=fpB", doc.get("filter").textValue());
    }

    @Test
    void csvByGroupFromTheExtension() throws Exception {
        Path out = tmp.resolve("groups.csv");
        CliRun run = export("--out", out.toString(), "--by", "group");
        assertEquals(0, run.exitCode(), run.err());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(out))).getRecords();
        assertEquals(List.of("fpA", "fpB"), rows.stream().map(r -> r.get("fingerprint")).toList());
        assertTrue(rows.get(1).get("message").startsWith("'=cmd"), rows.get(1).get("message"));
    }

    @Test
    void failuresLeaveNoFileAndUseTheDocumentedExitCodes() throws Exception {
        Path out = tmp.resolve("r.html");
        CliRun unknown = export("--out", out.toString(), "--groups", "fpA,nope");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("nope"), unknown.err());
        assertTrue(Files.notExists(out));

        CliRun noStore = CliRun.of("export", "--store", tmp.resolve("missing").toString(), "--out", out.toString());
        assertEquals(1, noStore.exitCode());
        assertTrue(noStore.err().contains("no Tracelens store"), noStore.err());
        assertTrue(Files.notExists(out));

        assertEquals(2, export("--out", tmp.resolve("r.txt").toString()).exitCode(), "format unknown from the extension");
        assertEquals(2, export("--format", "pdf", "--out", out.toString()).exitCode());
        assertEquals(2, export("--out", out.toString(), "--by", "group").exitCode(), "--by is for csv");
        assertEquals(2, export("--out", out.toString(), "--occurrences", "-1").exitCode());
        assertEquals(2, export("--format", "md").exitCode(), "--out is required");
        assertEquals(2, export("--out", out.toString(), "-q", "AND OR (").exitCode(), "a query that does not parse");
        assertEquals(List.of(Path.of("2016-08-12.tsv"), Path.of("store")), files());
    }
}
