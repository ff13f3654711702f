package dev.tracelens.engine;

import dev.tracelens.report.CsvReportWriter;
import dev.tracelens.report.ReportFormat;
import dev.tracelens.store.StoreFilter;

import java.util.List;
import java.util.Objects;

/**
 * A report to export: which groups (all under the filter, or the picked fingerprints under it),
 * in what format, and how many occurrences to list per group.
 *
 * @param fingerprints empty for every group under {@code filter}
 * @param occurrences  listed per group, newest first
 * @param csvBy        a CSV's rows: one per listed occurrence, or one per group
 * @param limit        only the most frequent {@code limit} groups; 0 for all
 */
public record ExportRequest(ReportFormat format, StoreFilter filter, List<String> fingerprints, int occurrences,
                            String title, CsvReportWriter.By csvBy, int limit) {
    public static final String DEFAULT_TITLE = "Tracelens report";

    public ExportRequest {
        Objects.requireNonNull(format, "format");
        filter = filter == null ? StoreFilter.ALL : filter;
        fingerprints = List.copyOf(fingerprints);
        if (occurrences < 0) {
            throw new IllegalArgumentException("occurrences must be 0 or more, not " + occurrences);
        }
        title = title == null || title.isBlank() ? DEFAULT_TITLE : title;
        Objects.requireNonNull(csvBy, "csvBy");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, not " + limit);
        }
    }

    /** Every group under the filter (or the picked ones). */
    public ExportRequest(ReportFormat format, StoreFilter filter, List<String> fingerprints, int occurrences,
                         String title, CsvReportWriter.By csvBy) {
        this(format, filter, fingerprints, occurrences, title, csvBy, 0);
    }

    /** The same report of only the {@code limit} most frequent groups (0 for all). */
    public ExportRequest withLimit(int limit) {
        return new ExportRequest(format, filter, fingerprints, occurrences, title, csvBy, limit);
    }

    /**
     * A CSV by occurrence, or by group when no occurrence is listed (a row per group then says
     * more than a bare header).
     */
    public ExportRequest(ReportFormat format, StoreFilter filter, List<String> fingerprints, int occurrences,
                         String title) {
        this(format, filter, fingerprints, occurrences, title,
                occurrences == 0 ? CsvReportWriter.By.GROUP : CsvReportWriter.By.OCCURRENCE);
    }
}
