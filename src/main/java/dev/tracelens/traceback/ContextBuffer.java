package dev.tracelens.traceback;

import dev.tracelens.archive.LogLine;
import dev.tracelens.archive.RowView;

/**
 * The last N rows of one source, kept undecoded (as {@link LogLine} bytes) because almost all
 * of them are dropped again without ever being shown. A row longer than
 * {@link #MAX_KEPT_CHARS} is cut when kept, so one 10 MB row cannot sit in memory N times.
 *
 * <p>The ring grows as rows arrive (a source that logged two rows holds two, not N slots), and
 * {@link #clear()} lets the assembler drop the rows of idle sources when memory runs short.
 */
final class ContextBuffer {
    static final int MAX_KEPT_CHARS = 64 * 1024;
    static final String CUT_NOTE = " … [cut]";
    static final LogLine[] NONE = new LogLine[0];
    private static final int FIRST_CAPACITY = 4;

    private final int capacity;
    private LogLine[] ring = NONE;
    private int next;
    private int size;
    private long bytes;

    ContextBuffer(int capacity) {
        this.capacity = capacity;
    }

    /** Adds the row; returns the change in kept bytes (for the assembler's memory budget). */
    long add(RowView row) {
        if (capacity == 0) {
            return 0;
        }
        if (size == ring.length && ring.length < capacity) {
            grow();
        }
        LogLine kept = keep(row);
        ring[next] = kept;
        next = next + 1 == ring.length ? 0 : next + 1;
        if (size < ring.length) {
            size++;
            // Counted while the ring fills, not per overwrite: reading the row it replaces would cost a
            // cache miss on every row of the scan, and a full ring's size changes little row by row.
            long added = cost(kept);
            bytes += added;
            return added;
        }
        return 0;
    }

    private void grow() {
        LogLine[] bigger = new LogLine[Math.min(capacity, Math.max(FIRST_CAPACITY, ring.length * 2))];
        LogLine[] old = snapshot(0, size);
        System.arraycopy(old, 0, bigger, 0, old.length);
        ring = bigger;
        next = old.length == bigger.length ? 0 : old.length;
    }

    int size() {
        return size;
    }

    long bytes() {
        return bytes;
    }

    /** Drops every kept row; returns the bytes freed. */
    long clear() {
        long freed = bytes;
        ring = NONE;
        next = 0;
        size = 0;
        bytes = 0;
        return freed;
    }

    /** The row {@code back} rows before the newest (0 = newest), or null. */
    LogLine newest(int back) {
        if (back >= size) {
            return null;
        }
        return ring[(next - 1 - back + 2 * ring.length) % ring.length];
    }

    /** The kept rows oldest first, without the {@code skipNewest} newest, at most {@code limit}. */
    LogLine[] snapshot(int skipNewest, int limit) {
        int n = Math.min(size - skipNewest, limit);
        if (n <= 0) {
            return NONE;
        }
        LogLine[] out = new LogLine[n];
        for (int i = 0; i < n; i++) {
            out[n - 1 - i] = newest(skipNewest + i);
        }
        return out;
    }

    static long cost(LogLine line) {
        return 64 + line.messageLength();
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
