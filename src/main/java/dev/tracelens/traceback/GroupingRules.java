package dev.tracelens.traceback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The user's grouping rules in order, applied to a traceback's fingerprint as the grammar made it.
 * Applying is a pure function of the traceback's own fingerprint parts, so applying the rules to
 * stored tracebacks gives what a fresh import with the same rules gives, and applying fewer rules
 * (undo) gives back exactly the keys from before.
 *
 * <p>A traceback a rule changed keeps its own parts, then {@code rules-from:KEY} (the key the
 * grammar gave it) and one {@code rule:ID ...} part per rule applied; {@link #apply} strips these
 * before it starts, so rules never stack on a previous run of themselves.
 */
public final class GroupingRules {
    public static final GroupingRules NONE = new GroupingRules(List.of());
    static final String RULE_PART = "rule:";
    static final String FROM_PART = "rules-from:";

    private final List<GroupingRule> rules;
    private final Map<String, Pattern> patterns = new HashMap<>();

    public GroupingRules(List<GroupingRule> rules) {
        this.rules = List.copyOf(rules);
        for (GroupingRule r : this.rules) {
            if (r.pattern() != null) {
                patterns.put(r.id(), Pattern.compile(r.pattern()));
            }
        }
    }

    public List<GroupingRule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The traceback under the key these rules give it (itself when nothing changes). */
    public Traceback apply(Traceback t) {
        List<String> base = new ArrayList<>();
        String key = t.fingerprint();
        for (String p : t.fingerprintParts()) {
            if (p.startsWith(FROM_PART)) {
                key = p.substring(FROM_PART.length());
            } else if (!p.startsWith(RULE_PART)) {
                base.add(p);
            }
        }
        String baseKey = key;
        List<String> applied = new ArrayList<>();
        for (GroupingRule r : rules) {
            String next = next(r, key, t);
            if (next != null && !next.equals(key)) {
                applied.add(RULE_PART + r.id() + " " + what(r, t, next));
                key = next;
            }
        }
        List<String> parts = base;
        if (!applied.isEmpty()) {
            parts = new ArrayList<>(base);
            parts.add(FROM_PART + baseKey);
            parts.addAll(applied);
        }
        if (key.equals(t.fingerprint()) && parts.equals(t.fingerprintParts())) {
            return t;
        }
        return t.withFingerprint(key, parts);
    }

    /** The ids of the rules that changed this traceback's key, in order. */
    public static List<String> appliedIds(Traceback t) {
        List<String> ids = new ArrayList<>();
        for (String p : t.fingerprintParts()) {
            if (p.startsWith(RULE_PART)) {
                int space = p.indexOf(' ');
                ids.add(p.substring(RULE_PART.length(), space < 0 ? p.length() : space));
            }
        }
        return ids;
    }

    private String next(GroupingRule r, String key, Traceback t) {
        if (GroupingRule.MERGE.equals(r.action())) {
            return r.groups().contains(key) ? r.groups().getFirst() : null;
        }
        if (!r.group().equals(key)) {
            return null;
        }
        String value = switch (r.by()) {
            case "host" -> t.host();
            case "program" -> t.program();
            case "frame" -> anyFrame(patterns.get(r.id()), t) ? r.pattern() : null;
            default -> patterns.get(r.id()).matcher(t.message()).find() ? r.pattern() : null;
        };
        return value == null ? null : Fingerprinter.hash(List.of(key, "split:" + r.by() + "=" + value));
    }

    private static String what(GroupingRule r, Traceback t, String next) {
        if (GroupingRule.MERGE.equals(r.action())) {
            return "merged into " + next;
        }
        return switch (r.by()) {
            case "host" -> "split by host=" + t.host();
            case "program" -> "split by program=" + t.program();
            default -> "split by " + r.by() + " ~ /" + r.pattern() + "/";
        };
    }

    private static boolean matches(Pattern p, Frame f) {
        return p.matcher(f.function() == null ? "" : f.function()).find()
                || p.matcher(f.file() == null ? "" : f.file()).find();
    }

    private static boolean anyFrame(Pattern p, Traceback t) {
        for (Frame f : t.frames()) {
            if (matches(p, f)) {
                return true;
            }
        }
        for (ChainedException c : t.causes()) {
            for (Frame f : c.frames()) {
                if (matches(p, f)) {
                    return true;
                }
            }
        }
        return false;
    }
}
