package dev.tracelens.ui.export;

import dev.tracelens.report.ReportFormat;

/**
 * What the Export… dialog asks: the format, whether only the selected group or every group under
 * the current search and filters, and how many occurrences to list per group.
 */
public record ExportOptions(ReportFormat format, boolean selectedGroupOnly, int occurrences) {
    public static final ExportOptions DEFAULT = new ExportOptions(ReportFormat.HTML, false, 20);

    public ExportOptions {
        if (format == null) {
            throw new IllegalArgumentException("format is required");
        }
        if (occurrences < 0) {
            throw new IllegalArgumentException("occurrences must be 0 or more, not " + occurrences);
        }
    }

    /** The format as the dialog lists it. */
    public static String label(ReportFormat format) {
        return switch (format) {
            case HTML -> "HTML";
            case MD -> "Markdown (GitHub)";
            case JIRA -> "Markdown (Jira)";
            case JSON -> "JSON";
            case CSV -> "CSV";
        };
    }
}
