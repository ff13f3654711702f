package dev.tracelens.engine;

import dev.tracelens.store.GroupingRulesFile;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.GroupingRule;
import dev.tracelens.traceback.GroupingRules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merging and splitting groups as rules (issue 14), for the CLI's {@code tracelens rules} and the
 * app alike: each action adds, removes or replaces rules of the store, which regroups what it
 * holds at once and groups every later import by them. Undo puts back the rules from before the
 * last action, and with them the groups exactly.
 */
public final class GroupingService {
    private final TracebackIndex index;

    public GroupingService(TracebackIndex index) {
        this.index = index;
    }

    /** A rule with how many stored tracebacks it changes now (0: it matches nothing). */
    public record RuleState(GroupingRule rule, long matches) {
        public boolean matchesNothing() {
            return matches == 0;
        }
    }

    public List<RuleState> list() {
        GroupingRules rules = index.groupingRules();
        Map<String, Long> matches = index.ruleMatches();
        return states(rules.rules(), matches);
    }

    /** Merges the groups into the first one. */
    public List<RuleState> merge(List<String> fingerprints) {
        List<String> distinct = fingerprints.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        return add(GroupingRule.merge(nextId(), distinct));
    }

    /** Splits a group by host, program, or a frame or message pattern. */
    public List<RuleState> split(String fingerprint, String by, String pattern) {
        return add(GroupingRule.split(nextId(), fingerprint.strip(), by, pattern));
    }

    public List<RuleState> add(GroupingRule rule) {
        List<GroupingRule> rules = new ArrayList<>(index.groupingRules().rules());
        if (rules.stream().anyMatch(r -> r.id().equals(rule.id()))) {
            throw new IllegalArgumentException("there is already a rule " + rule.id());
        }
        rules.add(rule);
        return apply(rules);
    }

    /** Removes the rule {@code id}; false when there is none. */
    public Optional<List<RuleState>> remove(String id) {
        List<GroupingRule> rules = new ArrayList<>(index.groupingRules().rules());
        if (!rules.removeIf(r -> r.id().equals(id))) {
            return Optional.empty();
        }
        return Optional.of(apply(rules));
    }

    /** Applies the rules file as it is now (after editing it by hand). */
    public List<RuleState> reapply() {
        return apply(index.groupingRules().rules());
    }

    /** The last action undone; empty when there is nothing to undo. */
    public Optional<List<RuleState>> undo() {
        return index.undoGroupingRules().map(matches -> states(index.groupingRules().rules(), matches));
    }

    /** The parts a group's fingerprint was made of (its latest occurrence's); empty when there is no such group. */
    public Optional<List<String>> why(String fingerprint) {
        return index.latest(fingerprint.strip()).map(t -> t.fingerprintParts());
    }

    /**
     * Why two groups are not one: their parts side by side, row by row, each marked as shared or
     * not ({@code rules-from:} keys left out: the rules' own parts say what they did).
     */
    public Optional<List<PartRow>> compare(String left, String right) {
        Optional<List<String>> a = why(left);
        Optional<List<String>> b = why(right);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PartRow.align(a.get(), b.get()));
    }

    /** One row of a side-by-side comparison: a part of the left group, of the right, or of both ("" where absent). */
    public record PartRow(String left, String right) {
        public boolean same() {
            return left.equals(right);
        }

        /** Shared parts on one row; the others in their order, each beside a blank (a longest common subsequence). */
        static List<PartRow> align(List<String> a, List<String> b) {
            a = a.stream().filter(p -> !p.startsWith("rules-from:")).toList();
            b = b.stream().filter(p -> !p.startsWith("rules-from:")).toList();
            int[][] lcs = new int[a.size() + 1][b.size() + 1];
            for (int i = a.size() - 1; i >= 0; i--) {
                for (int j = b.size() - 1; j >= 0; j--) {
                    lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            List<PartRow> rows = new ArrayList<>();
            int i = 0;
            int j = 0;
            while (i < a.size() || j < b.size()) {
                if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                    rows.add(new PartRow(a.get(i++), b.get(j++)));
                } else if (j >= b.size() || (i < a.size() && lcs[i + 1][j] >= lcs[i][j + 1])) {
                    rows.add(new PartRow(a.get(i++), ""));
                } else {
                    rows.add(new PartRow("", b.get(j++)));
                }
            }
            return rows;
        }
    }

    /** What an import of a rules file added, and the rules after it. */
    public record Imported(List<GroupingRule> added, List<RuleState> rules) {
    }

    public void export(Path target) {
        GroupingRulesFile.export(index.groupingRules().rules(), target);
    }

    /**
     * Adds the rules of a shared file after the store's own: a rule equal to one already there is
     * skipped, one whose id is taken gets the next free id. Returns the rules imported.
     */
    public Imported importFrom(Path source) {
        List<GroupingRule> incoming = GroupingRulesFile.read(source);
        List<GroupingRule> rules = new ArrayList<>(index.groupingRules().rules());
        List<GroupingRule> added = new ArrayList<>();
        for (GroupingRule r : incoming) {
            if (rules.stream().anyMatch(mine -> sameEffect(mine, r))) {
                continue;
            }
            GroupingRule rule = r;
            if (rules.stream().anyMatch(mine -> mine.id().equals(r.id()))) {
                rule = new GroupingRule(nextId(rules), r.action(), r.groups(), r.group(), r.by(), r.pattern(), r.note());
            }
            rules.add(rule);
            added.add(rule);
        }
        return new Imported(added, apply(rules));
    }

    private List<RuleState> apply(List<GroupingRule> rules) {
        return states(rules, index.regroup(new GroupingRules(rules)));
    }

    private static List<RuleState> states(List<GroupingRule> rules, Map<String, Long> matches) {
        return rules.stream().map(r -> new RuleState(r, matches.getOrDefault(r.id(), 0L))).toList();
    }

    private static boolean sameEffect(GroupingRule a, GroupingRule b) {
        return a.action().equals(b.action()) && a.groups().equals(b.groups()) && java.util.Objects.equals(a.group(), b.group())
                && java.util.Objects.equals(a.by(), b.by()) && java.util.Objects.equals(a.pattern(), b.pattern());
    }

    private String nextId() {
        return nextId(index.groupingRules().rules());
    }

    private static String nextId(List<GroupingRule> rules) {
        int max = 0;
        for (GroupingRule r : rules) {
            if (r.id().matches("r\\d{1,9}")) {
                max = Math.max(max, Integer.parseInt(r.id().substring(1)));
            }
        }
        return "r" + (max + 1);
    }
}
