package dev.tracelens.archive;

/**
 * Times given as numbers since 1970 (Python's {@code created}, Bunyan and pino's {@code time},
 * journald's {@code __REALTIME_TIMESTAMP}): seconds, milliseconds, microseconds or nanoseconds,
 * told apart by their size (seconds up to the year 5138, then milliseconds, and so on).
 */
final class EpochTime {
    private EpochTime() {
    }

    /** Epoch milliseconds of a number in {@code a[from, to)} (digits, maybe a fraction), or INVALID. */
    static long parse(byte[] a, int from, int to) {
        long whole = 0;
        int i = from;
        int digits = 0;
        while (i < to && a[i] >= '0' && a[i] <= '9') {
            if (++digits > 19) {
                return Timestamps.INVALID;
            }
            whole = whole * 10 + (a[i] - '0');
            i++;
        }
        if (digits == 0) {
            return Timestamps.INVALID;
        }
        double fraction = 0;
        if (i < to && a[i] == '.') {
            i++;
            double scale = 0.1;
            while (i < to && a[i] >= '0' && a[i] <= '9') {
                fraction += (a[i] - '0') * scale;
                scale /= 10;
                i++;
            }
        }
        if (i != to) {
            return Timestamps.INVALID;
        }
        return ofNumber(whole, fraction);
    }

    /** Epoch milliseconds of a number of seconds, millis, micros or nanos (by size). */
    static long ofNumber(long whole, double fraction) {
        if (whole < 100_000_000_000L) {
            return whole * 1000 + (long) (fraction * 1000);
        }
        if (whole < 100_000_000_000_000L) {
            return whole;
        }
        if (whole < 100_000_000_000_000_000L) {
            return whole / 1000;
        }
        return whole / 1_000_000;
    }
}
