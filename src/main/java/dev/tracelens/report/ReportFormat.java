package dev.tracelens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The formats a report can be exported in, with the writer for each. */
public enum ReportFormat {
    /** Self-contained HTML page (inline CSS and SVG). */
    HTML("html"),
    /** GitHub-flavoured Markdown. */
    MD("md"),
    /** Jira wiki markup ({@code {noformat}} blocks). */
    JIRA("jira"),
    /** One JSON document, tracebacks in the {@code scan --format jsonl} shape. */
    JSON("json"),
    /** CSV, one row per occurrence (or per group). */
    CSV("csv");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    /** The usual file name extension (without the dot); Jira text is saved as {@code .jira}. */
    public String extension() {
        return extension;
    }

    /**
     * A writer of this format onto {@code out}.
     *
     * @param csvBy    CSV only: a row per occurrence or per group
     * @param spoolDir HTML only: where the group details wait while the summary table is written
     *                 (best on the same disk as the output)
     */
    public ReportWriter open(Writer out, CsvReportWriter.By csvBy, Path spoolDir) throws IOException {
        return switch (this) {
            case HTML -> new HtmlReportWriter(out, spoolDir);
            case MD -> new MarkdownReportWriter(out, MarkdownReportWriter.Flavor.GITHUB);
            case JIRA -> new MarkdownReportWriter(out, MarkdownReportWriter.Flavor.JIRA);
            case JSON -> new JsonReportWriter(out);
            case CSV -> new CsvReportWriter(out, csvBy);
        };
    }

    /** The same onto a byte stream, as UTF-8. */
    public ReportWriter open(OutputStream out, CsvReportWriter.By csvBy, Path spoolDir) throws IOException {
        return open(new OutputStreamWriter(out, StandardCharsets.UTF_8), csvBy, spoolDir);
    }
}
