package dev.tracelens.ui.engine;

import dev.tracelens.report.ReportFormat;

import java.util.List;
import java.util.Objects;

/**
 * A report to export: which groups (all under the query, or the picked fingerprints under it),
 * in what format, and how many occurrences to list per group.
 *
 * @param fingerprints empty for every group under {@code query}
 * @param occurrences  listed per group, newest first; a CSV has a row per listed occurrence, or
 *                     with 0 a row per group
 */
public record ExportRequest(ReportFormat format, GroupQuery query, List<String> fingerprints, int occurrences,
                            String title) {
    public static final String DEFAULT_TITLE = "Tracelens report";

    public ExportRequest {
        Objects.requireNonNull(format, "format");
        query = query == null ? GroupQuery.ALL : query;
        fingerprints = List.copyOf(fingerprints);
        if (occurrences < 0) {
            throw new IllegalArgumentException("occurrences must be 0 or more, not " + occurrences);
        }
        title = title == null || title.isBlank() ? DEFAULT_TITLE : title;
    }
}
