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
