package dev.tracelens.traceback;

import dev.tracelens.archive.LogLine;
import dev.tracelens.archive.RowView;

/**
 * The last N rows of one source, kept undecoded (as {@link LogLine} bytes) because almost all
 * of them are dropped again without ever being shown. A row longer than
 * {@link #MAX_KEPT_CHARS} is cut when kept, so one 10 MB row cannot sit in memory N times.
 */
final class ContextBuffer {
    static final int MAX_KEPT_CHARS = 64 * 1024;
    static final String CUT_NOTE = " … [cut]";
    private static final LogLine[] NONE = new LogLine[0];

    private final LogLine[] ring;
    private int next;
    private int size;

    ContextBuffer(int capacity) {
        this.ring = capacity == 0 ? NONE : new LogLine[capacity];
    }

    void add(RowView row) {
        if (ring.length == 0) {
            return;
        }
        ring[next] = keep(row);
        next = next + 1 == ring.length ? 0 : next + 1;
        if (size < ring.length) {
            size++;
        }
    }

    /** The kept rows, oldest first. */
    LogLine[] snapshot() {
        if (size == 0) {
            return NONE;
        }
        LogLine[] out = new LogLine[size];
        int start = (next - size + ring.length) % ring.length;
        for (int i = 0; i < size; i++) {
            out[i] = ring[(start + i) % ring.length];
        }
        return out;
    }

    private static LogLine keep(RowView row) {
        // Bytes >= chars for UTF-8, so rows under the limit in bytes need no decoding.
        if (row.messageLength() <= MAX_KEPT_CHARS) {
            return row.toLogLine();
        }
        String message = row.message();
        if (message.length() <= MAX_KEPT_CHARS) {
            return row.toLogLine();
        }
        int end = MAX_KEPT_CHARS;
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return LogLine.of(row.id(), row.timestampMillis(), row.source(), message.substring(0, end) + CUT_NOTE,
                row.archive(), row.rowNumber());
    }
}
