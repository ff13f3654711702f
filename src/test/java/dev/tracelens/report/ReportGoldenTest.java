package dev.tracelens.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Each format against its golden file, made from {@link ReportFixtures} (hostile text
 * included) with the generation time fixed by a clock.
 */
class ReportGoldenTest {
    @TempDir
    Path spool;

    @Test
    void html() throws Exception {
        Golden.assertMatches("report.html", ReportTestSupport.render(ReportFormat.HTML, CsvReportWriter.By.OCCURRENCE, spool));
    }

    @Test
    void githubMarkdown() throws Exception {
        Golden.assertMatches("report.md", ReportTestSupport.render(ReportFormat.MD, CsvReportWriter.By.OCCURRENCE, spool));
    }

    @Test
    void jiraMarkup() throws Exception {
        Golden.assertMatches("report.jira", ReportTestSupport.render(ReportFormat.JIRA, CsvReportWriter.By.OCCURRENCE, spool));
    }

    @Test
    void json() throws Exception {
        Golden.assertMatches("report.json", ReportTestSupport.render(ReportFormat.JSON, CsvReportWriter.By.OCCURRENCE, spool));
    }

    @Test
    void csvByOccurrence() throws Exception {
        Golden.assertMatches("report-occurrences.csv",
                ReportTestSupport.render(ReportFormat.CSV, CsvReportWriter.By.OCCURRENCE, spool));
    }

    @Test
    void csvByGroup() throws Exception {
        Golden.assertMatches("report-groups.csv", ReportTestSupport.render(ReportFormat.CSV, CsvReportWriter.By.GROUP, spool));
    }

    @Test
    void oneGroupAsMarkdownForTheClipboard() throws Exception {
        Golden.assertMatches("group.md", MarkdownReportWriter.toMarkdown(ReportFixtures.keyErrorGroup(),
                MarkdownReportWriter.Flavor.GITHUB));
    }
}
