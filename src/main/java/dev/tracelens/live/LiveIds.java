package dev.tracelens.live;

/**
 * Ids for rows received by syslog, which bring none (docs/decisions/0014-live-rows-through-spool-segments.md):
 * bit 62 set, like the reader's synthetic ids, so they stay clear of Papertrail's (far below it);
 * the epoch millisecond of arrival in bits 16-61 and a sequence within it in bits 0-15. Ids
 * increase with arrival, are positive, and never repeat across restarts: a new generator starts
 * above the last id the spool holds even when the clock went back.
 */
public final class LiveIds {
    static final long BASE = 1L << 62;
    private static final int SEQUENCE_BITS = 16;
    private long last;

    /** @param lastUsed the largest id already given (0 for none) */
    public LiveIds(long lastUsed) {
        this.last = lastUsed;
    }

    /** The next id for a row that arrived at {@code millis}. */
    public long next(long millis) {
        long candidate = BASE | (millis << SEQUENCE_BITS);
        last = Math.max(candidate, last + 1);
        return last;
    }

    /** The millisecond an id of ours was given at. */
    public static long millisOf(long id) {
        return (id & ~BASE) >>> SEQUENCE_BITS;
    }
}
