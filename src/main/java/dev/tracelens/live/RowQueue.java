package dev.tracelens.live;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded queue between the receivers and the spool: at most {@code maxRows} rows and about
 * {@code maxBytes} bytes of them. A receiver that finds it full drops the row and counts it
 * ({@link #dropped()}), so a burst costs rows, said in numbers, never an unbounded heap; a
 * poller that can wait (Papertrail's API) blocks instead ({@link #put}). Thread-safe.
 */
public final class RowQueue {
    public static final int DEFAULT_ROWS = 100_000;
    public static final long DEFAULT_BYTES = 64L << 20;

    private final ArrayBlockingQueue<LiveRow> rows;
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public RowQueue(int maxRows, long maxBytes) {
        if (maxRows < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("the queue needs room for at least one row");
        }
        this.rows = new ArrayBlockingQueue<>(maxRows);
        this.maxBytes = maxBytes;
    }

    public RowQueue(int maxRows) {
        this(maxRows, DEFAULT_BYTES);
    }

    /** Adds the row, or drops and counts it when the queue is full; true when added. */
    public boolean offer(LiveRow row) {
        offered.incrementAndGet();
        long size = row.heapBytes();
        if (bytes.addAndGet(size) > maxBytes && bytes.get() != size) {
            bytes.addAndGet(-size);
            dropped.incrementAndGet();
            return false;
        }
        if (!rows.offer(row)) {
            bytes.addAndGet(-size);
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Adds the row, waiting for room (for sources that can wait). */
    public void put(LiveRow row) throws InterruptedException {
        offered.incrementAndGet();
        long size = row.heapBytes();
        while (bytes.get() + size > maxBytes && !rows.isEmpty()) {
            Thread.sleep(5);
        }
        bytes.addAndGet(size);
        rows.put(row);
    }

    /**
     * Moves up to {@code max} rows into {@code into}, waiting up to {@code waitMillis} for the first;
     * returns how many.
     */
    public int drain(List<LiveRow> into, int max, long waitMillis) throws InterruptedException {
        LiveRow first = rows.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (first == null) {
            return 0;
        }
        into.add(first);
        int n = 1 + rows.drainTo(into, max - 1);
        long size = 0;
        for (int i = into.size() - n; i < into.size(); i++) {
            size += into.get(i).heapBytes();
        }
        bytes.addAndGet(-size);
        return n;
    }

    /** Rows offered so far (received). */
    public long offered() {
        return offered.get();
    }

    /** Rows dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Rows waiting now. */
    public int size() {
        return rows.size();
    }

    /** Most rows the queue holds. */
    public int capacity() {
        return rows.size() + rows.remainingCapacity();
    }
}
