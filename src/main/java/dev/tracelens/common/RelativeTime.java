package dev.tracelens.common;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of time as people type it: {@code 30d}, {@code 2h}, {@code 90m}, {@code 1w},
 * {@code last 2 h}, {@code 2 hours}, {@code 30 days}. The CLI counts it back from now
 * ({@code prune --before 30d}), the app's time filter from the newest stored traceback.
 */
public final class RelativeTime {
    /** What the help texts say is accepted. */
    public static final String HELP = "30d, 12h, 90m or 2w (counted back)";

    private static final Pattern FORM = Pattern.compile(
            "(?:last\\s*)?(\\d{1,6})\\s*(m|min|mins|minutes?|h|hrs?|hours?|d|days?|w|weeks?)(?:\\s*ago)?");

    private RelativeTime() {
    }

    /** The length {@code text} names, or empty when it is not one of the forms above. */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        if (n == 0) {
            return Optional.empty();
        }
        return Optional.of(switch (m.group(2).charAt(0)) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        });
    }

    /** "2 hours", "30 days", "90 minutes", "2 weeks": the length in the largest whole unit. */
    public static String describe(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % (7 * 24 * 60) == 0) {
            return plural(minutes / (7 * 24 * 60), "week");
        }
        if (minutes % (24 * 60) == 0) {
            return plural(minutes / (24 * 60), "day");
        }
        if (minutes % 60 == 0) {
            return plural(minutes / 60, "hour");
        }
        return plural(minutes, "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
