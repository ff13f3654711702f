package dev.tracelens.archive;

/**
 * Parses Papertrail timestamps straight from the row bytes, with no allocation (this runs for
 * every row): {@code 2016-08-12T03:18:39}, {@code ...Z}, {@code ...-04:00}, {@code ...+0000},
 * {@code 2011-02-10 00:19:36 -0800}, each with or without 1-9 fractional digits (after a dot, or
 * a comma as Python's {@code logging} writes {@code asctime}). No zone means
 * UTC. Fractions beyond milliseconds are truncated.
 */
final class Timestamps {
    /** Returned for anything that is not a valid timestamp. */
    static final long INVALID = Long.MIN_VALUE;

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private Timestamps() {
    }

    /** Epoch milliseconds of {@code a[from, to)}, or {@link #INVALID}. */
    static long parseMillis(byte[] a, int from, int to) {
        if (to - from < 19) {
            return INVALID;
        }
        int year = digits4(a, from);
        int month = digits2(a, from + 5);
        int day = digits2(a, from + 8);
        int hour = digits2(a, from + 11);
        int minute = digits2(a, from + 14);
        int second = digits2(a, from + 17);
        byte sep = a[from + 10];
        if ((year | month | day | hour | minute | second) < 0
                || a[from + 4] != '-' || a[from + 7] != '-' || (sep != 'T' && sep != ' ')
                || a[from + 13] != ':' || a[from + 16] != ':'
                || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        int p = from + 19;
        int millis = 0;
        if (p < to && (a[p] == '.' || a[p] == ',')) { // ',' as Python's logging writes it
            p++;
            int fractionDigits = 0;
            while (p < to && a[p] >= '0' && a[p] <= '9') {
                if (fractionDigits < 3) {
                    millis = millis * 10 + (a[p] - '0');
                }
                fractionDigits++;
                p++;
            }
            if (fractionDigits == 0 || fractionDigits > 9) {
                return INVALID;
            }
            for (int k = fractionDigits; k < 3; k++) {
                millis *= 10;
            }
        }
        int offsetSeconds = 0;
        if (p < to) {
            if (a[p] == ' ') {
                p++; // "2011-02-10 00:19:36 -0800"
                if (p == to) {
                    return INVALID;
                }
            }
            byte z = a[p];
            if (z == 'Z' && p + 1 == to) {
                p++;
            } else if ((z == '+' || z == '-') && (to - p == 5 || (to - p == 6 && a[p + 3] == ':'))) {
                int oh = digits2(a, p + 1);
                int om = digits2(a, to - 2);
                if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                    return INVALID;
                }
                offsetSeconds = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
                p = to;
            } else {
                return INVALID;
            }
        }
        long days = daysFromCivil(year, month, day);
        long seconds = days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1000L + millis;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
            return 29;
        }
        return DAYS_IN_MONTH[month - 1];
    }

    /** Two ASCII digits as a number, or a negative number if either is not a digit. */
    private static int digits2(byte[] a, int i) {
        int d1 = a[i] - '0';
        int d2 = a[i + 1] - '0';
        if ((d1 | d2) < 0 || d1 > 9 || d2 > 9) {
            return -1;
        }
        return d1 * 10 + d2;
    }

    private static int digits4(byte[] a, int i) {
        int hi = digits2(a, i);
        int lo = digits2(a, i + 2);
        return (hi | lo) < 0 ? -1 : hi * 100 + lo;
    }
}
