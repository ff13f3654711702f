package dev.tracelens.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as every human-readable report shows them: UTC, the zone Papertrail archives are in. */
final class ReportTimes {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private ReportTimes() {
    }

    static String time(Instant t) {
        return t == null ? "" : SECONDS.format(t);
    }

    /** A bucket's start as precise as its width needs: the day for daily buckets, else the hour. */
    static String bucket(Instant t, Duration width) {
        return width.compareTo(Duration.ofDays(1)) >= 0 ? DAY.format(t) : HOUR.format(t);
    }

    /** The range in words; an open end says so instead of inventing a date. */
    static String range(Instant since, Instant until) {
        if (since == null && until == null) {
            return "all time";
        }
        if (since == null) {
            return "until " + time(until) + " UTC";
        }
        if (until == null) {
            return "since " + time(since) + " UTC";
        }
        return time(since) + " to " + time(until) + " UTC";
    }
}
