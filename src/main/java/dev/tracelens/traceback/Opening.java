package dev.tracelens.traceback;

import dev.tracelens.archive.LogLine;

import java.util.ArrayList;
import java.util.List;

/**
 * A line of a source with no open trace, offered to the grammars so one of them may start a trace
 * there, with what they may look back at: the earlier lines of the same row and the rows the
 * source logged before (its context ring), never lines an earlier trace already took. Java, Node,
 * .NET, Ruby and Go print their exception line first and only the frames after it show that it
 * was one, so their grammars open at the first frame and look back for the header.
 */
final class Opening {
    /** How many rows of a source are kept for looking back, even with no context wanted. */
    static final int LOOKBACK_ROWS = 16;

    /** One earlier line: in this row ({@code row == null}) or in the ring, {@code rowsBack} rows back (1 = previous row). */
    record Prior(String line, int rowsBack, LogLine row) {
    }

    private final Grammars grammars;
    String line;
    int lineIndex;
    List<String> rowLines;
    int freeFrom;
    String message;
    HeaderRow here;
    ContextBuffer ring;
    /** The source's sequence number of the last row an earlier trace took; rows up to it are not looked back at. */
    long consumedSeq;
    /** The source's sequence number of the newest row in the ring (this row's is one more). */
    long ringSeq;
    int contextRows;
    long lastHeaderId = Long.MIN_VALUE;
    int lastOrdinal;

    Opening(Grammars grammars) {
        this.grammars = grammars;
    }

    /** Earlier lines, nearest first, at most {@code max}. */
    List<Prior> prior(int max) {
        List<Prior> out = new ArrayList<>();
        for (int i = lineIndex - 1; i >= freeFrom && out.size() < max; i--) {
            out.add(new Prior(rowLines.get(i), 0, null));
        }
        for (int back = 0; out.size() < max; back++) {
            LogLine row = ring.newest(back);
            if (row == null || ringSeq - back <= consumedSeq) {
                break;
            }
            List<String> lines = MessageLines.split(row.message(), grammars);
            for (int i = lines.size() - 1; i >= 0 && out.size() < max; i--) {
                out.add(new Prior(lines.get(i), back + 1, row));
            }
        }
        return out;
    }

    /** The row a prior line (or this line, for null) was logged in. */
    HeaderRow headerRow(Prior p) {
        return p == null || p.row() == null ? here : HeaderRow.of(p.row());
    }

    /** The ring rows before the header's row, oldest first, at most the context wanted. */
    LogLine[] contextBefore(Prior header) {
        return contextBefore(header == null ? 0 : header.rowsBack());
    }

    /** The ring rows before the row {@code rowsBack} rows back (0: this row), oldest first, at most the context wanted. */
    LogLine[] contextBefore(int rowsBack) {
        return ring.snapshot(rowsBack, contextRows);
    }

    /** The next ordinal for a trace whose header is in {@code header}'s row. */
    int ordinalFor(HeaderRow header) {
        if (header.id() == lastHeaderId) {
            return ++lastOrdinal;
        }
        lastHeaderId = header.id();
        lastOrdinal = 0;
        return 0;
    }

    /** The message of the header's row: this row's, or the earlier row's. */
    String messageOf(Prior header) {
        return header == null || header.row() == null ? message : header.row().message();
    }
}
