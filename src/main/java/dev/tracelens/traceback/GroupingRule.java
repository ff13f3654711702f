package dev.tracelens.traceback;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One grouping rule a user made by merging or splitting groups, as kept in the rules file:
 * <ul>
 *   <li>{@code merge}: the tracebacks of every group in {@code groups} go into the first one
 *       ({@code {"id":"r1","action":"merge","groups":["a1b2...","c3d4..."]}});</li>
 *   <li>{@code split}: the tracebacks of {@code group} are split {@code by} {@code host} or
 *       {@code program} (one group per value), or by {@code frame} or {@code message} with a
 *       regular expression {@code pattern} (those whose frame function/file or message it finds
 *       become a group of their own, the rest stay).</li>
 * </ul>
 * Groups are named by the fingerprint they have when the rule runs (after the rules before it).
 *
 * @param note free text for the reader of the file (who made it, why); optional
 */
public record GroupingRule(String id, String action, List<String> groups, String group, String by, String pattern,
                           String note) {
    public static final String MERGE = "merge";
    public static final String SPLIT = "split";
    public static final List<String> SPLIT_BY = List.of("host", "program", "frame", "message");

    public GroupingRule {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("a rule needs an id of letters, digits, - or _: " + id);
        }
        action = action == null ? "" : action.toLowerCase(Locale.ROOT);
        groups = groups == null ? List.of() : List.copyOf(groups);
        switch (action) {
            case MERGE -> {
                if (groups.size() < 2) {
                    throw new IllegalArgumentException("rule " + id + ": a merge needs at least two groups");
                }
                group = null;
                by = null;
                pattern = null;
            }
            case SPLIT -> {
                if (group == null || group.isBlank()) {
                    throw new IllegalArgumentException("rule " + id + ": a split needs the group to split");
                }
                by = by == null ? "" : by.toLowerCase(Locale.ROOT);
                if (!SPLIT_BY.contains(by)) {
                    throw new IllegalArgumentException("rule " + id + ": split by one of " + SPLIT_BY + ", not '" + by + "'");
                }
                if (by.equals("frame") || by.equals("message")) {
                    if (pattern == null || pattern.isEmpty()) {
                        throw new IllegalArgumentException("rule " + id + ": a split by " + by + " needs a pattern");
                    }
                    try {
                        Pattern.compile(pattern);
                    } catch (PatternSyntaxException e) {
                        throw new IllegalArgumentException("rule " + id + ": the pattern is not a regular expression: "
                                + e.getDescription() + " at " + e.getIndex());
                    }
                } else {
                    pattern = null;
                }
                groups = List.of();
            }
            default -> throw new IllegalArgumentException("rule " + id + ": action must be merge or split, not '" + action + "'");
        }
    }

    public static GroupingRule merge(String id, List<String> groups) {
        return new GroupingRule(id, MERGE, groups, null, null, null, null);
    }

    public static GroupingRule split(String id, String group, String by, String pattern) {
        return new GroupingRule(id, SPLIT, null, group, by, pattern, null);
    }

    /** The rule in one line, as {@code rules list} shows it. */
    public String describe() {
        return switch (action) {
            case MERGE -> "merge " + String.join(" ", groups.subList(1, groups.size())) + " into " + groups.getFirst();
            default -> "split " + group + " by " + by + (pattern == null ? "" : " ~ /" + pattern + "/");
        };
    }
}
