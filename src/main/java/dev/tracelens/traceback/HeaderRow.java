package dev.tracelens.traceback;

import dev.tracelens.archive.LogLine;
import dev.tracelens.archive.RowView;

/** Where a trace's first line was logged: the row that gives a traceback its firstId, time and place. */
record HeaderRow(long id, long timestampMillis, String archive, long row) {
    static HeaderRow of(RowView row) {
        return new HeaderRow(row.id(), row.timestampMillis(), row.archive(), row.rowNumber());
    }

    static HeaderRow of(LogLine line) {
        return new HeaderRow(line.id(), line.timestampMillis(), line.archive(), line.rowNumber());
    }
}
