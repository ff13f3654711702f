package dev.tracelens.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReportTest {
    @TempDir
    Path spool;

    private static List<CSVRecord> parse(String csv) throws Exception {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }

    private static void assertNoFormula(List<CSVRecord> records) {
        for (CSVRecord record : records) {
            for (String cell : record) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                        "cell a spreadsheet would run as a formula: " + cell.substring(0, Math.min(60, cell.length())));
            }
        }
    }

    @Test
    void oneRowPerListedOccurrenceParsesBackAndIsNeutralised() throws Exception {
        List<CSVRecord> records = parse(ReportTestSupport.render(ReportFormat.CSV, CsvReportWriter.By.OCCURRENCE, spool));
        assertEquals(5, records.size(), "3 + 1 + 1 listed occurrences");
        assertNoFormula(records);
        CSVRecord first = records.get(0);
        assertEquals("a1b2c3d4e5f60718", first.get("fingerprint"));
        assertEquals("700000000390", first.get("first_id"));
        assertEquals("2026-11-20T04:02:11Z", first.get("timestamp"));
        assertEquals("'user_id'", first.get("message"));
        CSVRecord hostile = records.get(3);
        assertTrue(hostile.get("message").startsWith("'" + ReportFixtures.FORMULA + " " + ReportFixtures.SCRIPT), hostile.get("message"));
        assertTrue(hostile.get("message").contains("bell\u2407 esc\u241b[31m"), "control characters made visible");
        assertTrue(hostile.get("text").contains(ReportFixtures.LONG_LINE), "multi-line text with the long line survives quoting");
        assertEquals("worker<img src=x onerror=alert(1)>", hostile.get("program"));
        assertEquals("true", records.get(4).get("truncated"));
    }

    @Test
    void oneRowPerGroup() throws Exception {
        List<CSVRecord> records = parse(ReportTestSupport.render(ReportFormat.CSV, CsvReportWriter.By.GROUP, spool));
        assertEquals(3, records.size());
        assertNoFormula(records);
        assertEquals(List.of("a1b2c3d4e5f60718", "KeyError", "'user_id'", "3", "2026-11-20T03:18:39Z", "2026-11-20T04:02:11Z",
                "i-2ee330b7 i-9f00aa01", "app-web"), records.get(0).toList());
        assertEquals("i-0bad -host", records.get(1).get("hosts"), "only a cell's first character matters");
    }

    @Test
    void cellsAreNeutralisedAndCut() {
        assertEquals("'=1+1", CsvReportWriter.cell("=1+1"));
        assertEquals("'+1", CsvReportWriter.cell("+1"));
        assertEquals("'-1", CsvReportWriter.cell("-1"));
        assertEquals("'@SUM(A1)", CsvReportWriter.cell("@SUM(A1)"));
        assertEquals("'\tx", CsvReportWriter.cell("\tx"));
        assertEquals("\u240d=x", CsvReportWriter.cell("\r=x"));
        assertEquals("a=b", CsvReportWriter.cell("a=b"));
        String cut = CsvReportWriter.cell("y".repeat(40_000));
        assertEquals(CsvReportWriter.MAX_CELL + CsvReportWriter.CUT_MARKER.length(), cut.length());
        assertTrue(cut.endsWith(CsvReportWriter.CUT_MARKER));
    }
}
