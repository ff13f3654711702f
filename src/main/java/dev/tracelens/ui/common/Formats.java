package dev.tracelens.ui.common;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * How times and lists read in the app. Times are shown in UTC, as Papertrail stores them, so
 * they match the archive file names (an hour's archive holds that UTC hour).
 */
public final class Formats {
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    /** Occurrence lists: the year is in the group's first/last seen already. */
    public static final DateTimeFormatter SHORT_DATE_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /**
     * A count as everywhere in the app: with a comma between thousands ("12,345"), whatever the
     * desktop's locale, so counts side by side never differ in their separators.
     */
    public static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** "1 problem", "12,345 problems": {@code noun} is the singular; the plural adds an s. */
    public static String count(long n, String noun) {
        return count(n) + " " + (n == 1 ? noun : noun + "s");
    }

    public static String dateTime(Instant t) {
        return t == null ? "" : DATE_TIME.format(t);
    }

    /** "i-1, i-2 +3 more". */
    public static String shortList(List<String> values, int shown) {
        if (values.size() <= shown) {
            return String.join(", ", values);
        }
        return String.join(", ", values.subList(0, shown)) + " +" + (values.size() - shown) + " more";
    }
}
