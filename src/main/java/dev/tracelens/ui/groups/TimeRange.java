package dev.tracelens.ui.groups;

import dev.tracelens.common.RelativeTime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time filter: everything, the last stretch of a length ({@code last 2 h}, {@code 30d}), or
 * a fixed range from–to in UTC. Archives are usually investigated after the fact, so "last day"
 * means the last day of what is stored, not of the wall clock.
 *
 * @param length the stretch back from the newest stored traceback; null for a fixed range or all
 * @param from   a fixed range's start (inclusive); null when open or relative
 * @param to     a fixed range's end (exclusive); null when open or relative
 */
public record TimeRange(String label, Duration length, Instant from, Instant to) {
    public static final TimeRange ALL = new TimeRange("All time", null, null, null);
    public static final TimeRange LAST_HOUR = last(Duration.ofHours(1));
    public static final TimeRange LAST_DAY = last(Duration.ofDays(1));
    public static final TimeRange LAST_WEEK = last(Duration.ofDays(7));
    public static final TimeRange LAST_MONTH = last(Duration.ofDays(30));

    /** What the time box offers before anything is typed. */
    public static final List<TimeRange> PRESETS = List.of(ALL, LAST_HOUR, LAST_DAY, LAST_WEEK, LAST_MONTH);

    /** What the time box accepts, for its tooltip and for the message when a text is not one of them. */
    public static final String HELP = "Type a range and press Enter: last 2 h, 30d, 90m, 2w (back from the newest"
            + " traceback), 2016-08-12 (that day), 2016-08-12 03:00 .. 2016-08-12 05:00 or 2016-08-12 .. 2016-08-14"
            + " (UTC, end exclusive), or all.";

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern BETWEEN = Pattern.compile("(.+?)\\s*(?:\\.\\.|–|—|\\bto\\b|\\s-\\s)\\s*(.+)");

    public TimeRange {
        Objects.requireNonNull(label);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") at or before it starts (" + from + ")");
        }
    }

    /** The last {@code length} of what is stored. */
    public static TimeRange last(Duration length) {
        return new TimeRange("Last " + RelativeTime.describe(length), length, null, null);
    }

    /** A fixed range in UTC, {@code from} inclusive, {@code to} exclusive (either may be null = open). */
    public static TimeRange between(Instant from, Instant to) {
        String label = (from == null ? "…" : SHOWN.format(from)) + " – " + (to == null ? "…" : SHOWN.format(to));
        return new TimeRange(label, null, from, to);
    }

    /**
     * Reads what a user typed (see {@link #HELP}); empty when it is none of those forms.
     */
    public static Optional<TimeRange> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("all") || t.equalsIgnoreCase(ALL.label())) {
            return Optional.of(ALL);
        }
        for (TimeRange preset : PRESETS) {
            if (preset.label().equalsIgnoreCase(t)) {
                return Optional.of(preset);
            }
        }
        Optional<Duration> back = RelativeTime.parse(t);
        if (back.isPresent()) {
            return Optional.of(last(back.get()));
        }
        Matcher m = BETWEEN.matcher(t);
        try {
            if (m.matches()) {
                Instant from = m.group(1).equals("…") ? null : instant(m.group(1));
                Instant to = m.group(2).equals("…") ? null : instant(m.group(2));
                if (from != null && to != null && !to.isAfter(from)) {
                    return Optional.empty();
                }
                return Optional.of(between(from, to));
            }
            if (t.length() == 10) {
                Instant day = instant(t);
                return Optional.of(between(day, day.plus(Duration.ofDays(1))));
            }
            return Optional.of(between(instant(t), null));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code 2016-08-12}, {@code 2016-08-12 03:00}, {@code 2016-08-12T03:00:00}, optional Z; UTC. */
    private static Instant instant(String text) {
        String t = text.strip().replace(' ', 'T');
        if (t.endsWith("Z")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.length() == 10) {
            // A bare day as the end means its start (exclusive), as --until does on the command line.
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }

    /** Whether this is everything (no time filter). */
    public boolean isAll() {
        return length == null && from == null && to == null;
    }

    /** Start of the range ({@code newest} is the latest stored occurrence); null = open. */
    public Instant since(Instant newest) {
        if (length != null) {
            return newest == null ? null : newest.minus(length);
        }
        return from;
    }

    /** End of the range (exclusive); null = open. */
    public Instant until() {
        return to;
    }

    @Override
    public String toString() {
        return label;
    }
}
