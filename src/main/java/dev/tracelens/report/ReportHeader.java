package dev.tracelens.report;

import java.time.Instant;

/**
 * What a report is about, written once before its groups.
 *
 * @param title       the report's title
 * @param filter      the filter in words ({@code host=i-2ee330b7 type=KeyError}); empty for "everything"
 * @param since       start of the time range, inclusive; null when open
 * @param until       end of the time range, exclusive; null when open
 * @param generatedAt when the report was made (from an injected clock, so tests are repeatable)
 * @param history     occurrences over time of everything the filter matched
 */
public record ReportHeader(String title, String filter, Instant since, Instant until, Instant generatedAt,
                           ReportHistory history) {
    public ReportHeader {
        title = title == null || title.isBlank() ? "Tracelens report" : title;
        filter = filter == null ? "" : filter;
        if (generatedAt == null) {
            throw new IllegalArgumentException("generatedAt is required");
        }
        history = history == null ? ReportHistory.EMPTY : history;
    }
}
