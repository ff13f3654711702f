package dev.tracelens.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the date (and the source) sit in a bucket's keys, as a template of placeholders:
 * {@code {prefix}} (the sync prefix), {@code {source}} (one path segment per source, e.g. a user
 * id), {@code {yyyy}}, {@code {MM}}, {@code {dd}} (the day, all three required) and
 * {@code {name}} (the rest, last). Papertrail's layout, {@code {prefix}/dt={yyyy}-{MM}-{dd}/{name}},
 * is the default; a per-user layout is {@code {prefix}/{source}/{yyyy}/{MM}/{dd}/{name}}.
 *
 * <p>A date range is synced by listing only the key prefixes of its days: the template up to
 * {@code {name}}, filled in per day. When {@code {source}} comes before the day, the sources are
 * found first by one delimiter listing of the folder above them, so the bucket is never listed
 * whole.
 */
public record KeyLayout(String template) {
    public static final String PAPERTRAIL_TEMPLATE = "{prefix}/dt={yyyy}-{MM}-{dd}/{name}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(prefix|source|yyyy|MM|dd|name)}");

    public KeyLayout {
        Objects.requireNonNull(template, "template");
        template = template.trim();
        if (!template.contains("{yyyy}") || !template.contains("{MM}") || !template.contains("{dd}")) {
            throw new IllegalArgumentException("key layout \"" + template + "\" must hold {yyyy}, {MM} and {dd}"
                    + " (e.g. " + PAPERTRAIL_TEMPLATE + ")");
        }
        if (!template.endsWith("{name}")) {
            throw new IllegalArgumentException("key layout \"" + template + "\" must end with {name}");
        }
        Matcher m = Pattern.compile("\\{[^}]*}").matcher(template);
        while (m.find()) {
            if (!PLACEHOLDER.matcher(m.group()).matches()) {
                throw new IllegalArgumentException("unknown placeholder " + m.group() + " in key layout \"" + template
                        + "\" (known: {prefix}, {source}, {yyyy}, {MM}, {dd}, {name})");
            }
        }
    }

    public static KeyLayout papertrail() {
        return new KeyLayout(PAPERTRAIL_TEMPLATE);
    }

    public boolean isPapertrail() {
        return template.equals(PAPERTRAIL_TEMPLATE);
    }

    /** Whether a {@code {source}} segment comes before the day, so sources must be listed first. */
    public boolean sourcesFirst() {
        int source = template.indexOf("{source}");
        return source >= 0 && source < template.indexOf("{yyyy}");
    }

    /** The key prefix above the sources (ends with "/" or is empty): listed once with a delimiter. */
    public String sourcesPrefix(String prefix) {
        return fill(template.substring(0, template.indexOf("{source}")), prefix, null, null);
    }

    /** The key prefix of one day (of one source when {@link #sourcesFirst()}): what is listed. */
    public String dayPrefix(String prefix, String source, LocalDate day) {
        return fill(template.substring(0, template.indexOf("{name}")), prefix, source, day);
    }

    /** The day a key names, or null when it does not fit the layout. */
    public LocalDate dayOf(String prefix, String key) {
        Matcher m = keyPattern(prefix).matcher(key);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")), Integer.parseInt(m.group("d")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Pattern keyPattern(String prefix) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(at, m.start())));
            String p = m.group(1);
            regex.append(switch (p) {
                case "prefix" -> Pattern.quote(prefix == null ? "" : prefix);
                case "source" -> "[^/]+";
                case "yyyy" -> seen.contains("yyyy") ? "\\d{4}" : "(?<y>\\d{4})";
                case "MM" -> seen.contains("MM") ? "\\d{2}" : "(?<m>\\d{2})";
                case "dd" -> seen.contains("dd") ? "\\d{2}" : "(?<d>\\d{2})";
                default -> ".+";
            });
            seen.add(p);
            at = m.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String fill(String part, String prefix, String source, LocalDate day) {
        String p = prefix == null ? "" : prefix;
        String s = part.replace("{prefix}", p);
        if (p.isEmpty() && s.startsWith("/")) {
            s = s.substring(1); // no prefix: keys start at the bucket's root
        }
        if (source != null) {
            s = s.replace("{source}", source);
        }
        if (day != null) {
            s = s.replace("{yyyy}", String.format("%04d", day.getYear()))
                    .replace("{MM}", String.format("%02d", day.getMonthValue()))
                    .replace("{dd}", String.format("%02d", day.getDayOfMonth()));
        }
        return s;
    }

    @Override
    public String toString() {
        return template;
    }
}
