package dev.tracelens.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownReportTest {
    @TempDir
    Path spool;

    /** Fenced blocks the way CommonMark closes them: at the first line of at least as many backticks. */
    private static List<String> fencedBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = Pattern.compile("^(`{3,})[^`]*$").matcher(lines[i]);
            if (open.matches()) {
                int length = open.group(1).length();
                StringBuilder body = new StringBuilder();
                int j = i + 1;
                while (j < lines.length && !lines[j].strip().matches("`{" + length + ",}")) {
                    body.append(lines[j]).append('\n');
                    j++;
                }
                blocks.add(body.toString());
                i = j;
            }
        }
        return blocks;
    }

    @Test
    void backticksInTheLogCannotCloseTheCodeBlock() throws Exception {
        String md = ReportTestSupport.render(ReportFormat.MD, CsvReportWriter.By.OCCURRENCE, spool);
        List<String> blocks = fencedBlocks(md);
        assertEquals(3, blocks.size(), "one block per group");
        String hostile = blocks.get(1);
        assertTrue(hostile.contains("```\n{noformat}\n"), "the log's own fence stays inside the block");
        assertTrue(hostile.contains(ReportFixtures.LONG_LINE), "the long line is whole");
        assertTrue(hostile.startsWith("2026-11-20 07:04:59 * -2+3 " + ReportFixtures.SCRIPT), "context rows above the traceback");
        assertTrue(hostile.contains("Traceback (most recent call last):"));
        assertTrue(md.contains("\n````text\n"), "a fence longer than the log's backtick runs");
    }

    @Test
    void textOutsideCodeBlocksIsEscaped() throws Exception {
        String md = ReportTestSupport.render(ReportFormat.MD, CsvReportWriter.By.OCCURRENCE, spool);
        String outside = md;
        for (String block : fencedBlocks(md)) {
            outside = outside.replace(block, "");
        }
        assertFalse(Pattern.compile("(?<!\\\\)<(script|img|/pre|b)").matcher(outside).find(), "no raw tag outside code blocks");
        assertTrue(outside.contains("## 2. ValueError: =cmd\\|' /C calc'\\!A0 \\<script\\>alert(1)\\</script\\>"), "heading escaped");
        assertTrue(outside.contains("| worker\\<img src=x onerror=alert(1)\\> |"), "table cell escaped");
        for (String line : outside.split("\n")) {
            assertTrue(line.length() < 1_000, "no long line outside code blocks: " + line.length());
            if (line.startsWith("| 2026")) {
                assertEquals(7, line.replace("\\|", "").chars().filter(c -> c == '|').count(), "a | in a cell does not add a column: " + line);
            }
        }
        assertFalse(md.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t'), "no raw control character");
    }

    @Test
    void jiraNoformatBlocksCannotBeClosedByTheLog() throws Exception {
        String jira = ReportTestSupport.render(ReportFormat.JIRA, CsvReportWriter.By.OCCURRENCE, spool);
        List<String> markers = Arrays.stream(jira.split("\n")).filter(l -> l.contains("{noformat}")).toList();
        assertEquals(List.of("{noformat}", "{noformat}", "{noformat}", "{noformat}", "{noformat}", "{noformat}"), markers,
                "only the writer's own open/close markers, three blocks");
        assertTrue(jira.contains("\n{\\noformat}\n"), "the log's {noformat} is neutralised but readable");
        assertTrue(jira.contains("h2. 2. ValueError: =cmd\\|' /C calc'\\!A0 <script>alert(1)</script>"), jira.lines().filter(l -> l.startsWith("h2. 2")).findFirst().orElse(""));
        assertTrue(jira.contains("||Time (UTC)||Host||Program||Message||Archive||Row||"));
    }

    @Test
    void oneGroupForTheClipboardHasNoDocumentTitle() {
        String md = MarkdownReportWriter.toMarkdown(ReportFixtures.keyErrorGroup(), MarkdownReportWriter.Flavor.GITHUB);
        assertTrue(md.startsWith("## KeyError: 'user\\_id'\n"), md);
        assertTrue(md.contains("- **Count:** 3\n"));
        assertTrue(md.contains("2026-11-20 03:18:38 * 20286/MainThread ERROR app.views: lookup failed\nTraceback (most recent call last):"),
                "the context rows come right above the traceback");
        String jira = MarkdownReportWriter.toMarkdown(ReportFixtures.keyErrorGroup(), MarkdownReportWriter.Flavor.JIRA);
        assertTrue(jira.startsWith("h2. KeyError: 'user\\_id'\n"), jira);
    }

    @Test
    void fenceIsLongerThanEveryBacktickRun() {
        assertEquals("```", MarkdownText.fenceFor("no ticks"));
        assertEquals("```", MarkdownText.fenceFor("a `b` c"));
        assertEquals("````", MarkdownText.fenceFor("```"));
        assertEquals("``````", MarkdownText.fenceFor("x ````` y"));
    }
}
