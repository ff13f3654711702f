package dev.tracelens.engine;

import dev.tracelens.engine.GroupingService.RuleState;
import dev.tracelens.store.GroupSort;
import dev.tracelens.store.GroupSummary;
import dev.tracelens.store.GroupingRulesFile;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.GroupingRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Grouping rules on a real Lucene store holding the bundled sample logs: applied to what is stored
 * they give the groups a fresh import with the same rules gives; undo restores the groups exactly;
 * a split by host gives one group per host; a rule that matches nothing says so.
 */
class GroupingRulesTest {
    static final Path SAMPLES = Path.of("sample-logs");

    @TempDir
    Path tmp;

    private static TracebackIndex imported(Path dir) {
        TracebackIndex index = Stores.open(dir);
        index.importPaths(List.of(SAMPLES), 20, ImportListener.NONE);
        return index;
    }

    private static List<GroupSummary> groups(TracebackIndex index) {
        return index.groups(StoreFilter.ALL, GroupSort.COUNT, 10_000).groups().stream()
                .sorted(java.util.Comparator.comparing(GroupSummary::fingerprint)).toList();
    }

    /** Two groups of one exception type on different call sites (so a merge means something), else the two biggest. */
    private static List<String> twoGroups(List<GroupSummary> groups) {
        List<GroupSummary> bySize = groups.stream().sorted(java.util.Comparator.comparingLong(GroupSummary::count).reversed()).toList();
        return List.of(bySize.get(0).fingerprint(), bySize.get(1).fingerprint());
    }

    @Test
    void rulesOnStoredTracebacksGiveTheGroupsOfAFreshImportWithTheRules() {
        Path stored = tmp.resolve("stored");
        Path fresh = tmp.resolve("fresh");
        List<GroupSummary> before;
        List<GroupSummary> afterRules;
        try (TracebackIndex index = imported(stored)) {
            before = groups(index);
            List<String> merged = twoGroups(before);
            GroupSummary multiHost = before.stream().filter(g -> g.hosts().size() > 1)
                    .filter(g -> !merged.contains(g.fingerprint())).findFirst().orElseThrow();
            GroupingService rules = new GroupingService(index);
            rules.merge(merged);
            rules.split(multiHost.fingerprint(), "host", null);
            afterRules = groups(index);
            assertEquals(before.size() - 1 - 1 + multiHost.hosts().size(), afterRules.size(),
                    "one group fewer from the merge, one per host instead of one from the split");
            assertEquals(before.stream().mapToLong(GroupSummary::count).sum(),
                    afterRules.stream().mapToLong(GroupSummary::count).sum(), "no traceback lost or added");
        }
        // A fresh store whose rules file is there before its first import.
        GroupingRulesFile.export(GroupingRulesFile.beside(stored).load().rules(),
                GroupingRulesFile.beside(fresh).path());
        try (TracebackIndex index = imported(fresh)) {
            assertEquals(afterRules, groups(index));
        }
    }

    @Test
    void mergeThenUndoRestoresTheGroupsExactly() {
        try (TracebackIndex index = imported(tmp.resolve("s"))) {
            List<GroupSummary> before = groups(index);
            List<String> two = twoGroups(before);
            GroupingService rules = new GroupingService(index);
            List<RuleState> states = rules.merge(two);
            GroupSummary a = before.stream().filter(g -> g.fingerprint().equals(two.get(0))).findFirst().orElseThrow();
            GroupSummary b = before.stream().filter(g -> g.fingerprint().equals(two.get(1))).findFirst().orElseThrow();
            assertEquals(b.count(), states.getFirst().matches(), "the merged-in group's tracebacks changed");
            List<GroupSummary> merged = groups(index);
            assertEquals(before.size() - 1, merged.size());
            GroupSummary target = merged.stream().filter(g -> g.fingerprint().equals(a.fingerprint())).findFirst().orElseThrow();
            assertEquals(a.count() + b.count(), target.count());
            var movedIn = index.occurrence(b.representativeFirstId()).orElseThrow();
            assertEquals(a.fingerprint(), movedIn.fingerprint());
            assertTrue(movedIn.fingerprintParts().contains("rule:r1 merged into " + a.fingerprint()),
                    movedIn.fingerprintParts().toString());

            assertTrue(rules.undo().isPresent());
            assertEquals(before, groups(index), "groups exactly as before the merge");
            assertEquals(List.of(), rules.list());
            assertTrue(rules.undo().isEmpty(), "nothing more to undo");
        }
    }

    @Test
    void splitByHostGivesOneGroupPerHost() {
        try (TracebackIndex index = imported(tmp.resolve("s"))) {
            GroupSummary multiHost = groups(index).stream().filter(g -> g.hosts().size() > 1)
                    .max(java.util.Comparator.comparingInt(g -> g.hosts().size())).orElseThrow();
            new GroupingService(index).split(multiHost.fingerprint(), "host", null);
            List<GroupSummary> after = groups(index).stream()
                    .filter(g -> index.latest(g.fingerprint()).orElseThrow().fingerprintParts()
                            .contains("rules-from:" + multiHost.fingerprint()))
                    .toList();
            assertEquals(multiHost.hosts().size(), after.size(), after.toString());
            assertEquals(Set.copyOf(multiHost.hosts()), after.stream().map(g -> {
                assertEquals(1, g.hosts().size(), g.toString());
                return g.hosts().getFirst();
            }).collect(Collectors.toSet()));
            assertEquals(multiHost.count(), after.stream().mapToLong(GroupSummary::count).sum());
            assertTrue(groups(index).stream().noneMatch(g -> g.fingerprint().equals(multiHost.fingerprint())));
        }
    }

    @Test
    void aRuleThatMatchesNothingIsShownAsSuchAndTheFileIsReadable() throws Exception {
        Path dir = tmp.resolve("s");
        try (TracebackIndex index = imported(dir)) {
            GroupingService rules = new GroupingService(index);
            List<RuleState> states = rules.merge(List.of("0000000000000000", "1111111111111111"));
            assertTrue(states.getFirst().matchesNothing());
            String file = Files.readString(GroupingRulesFile.beside(dir).path());
            assertTrue(file.contains("\"action\" : \"merge\""), file);
            assertTrue(file.contains("\"0000000000000000\""), file);
            List<GroupSummary> groups = groups(index);
            rules.split(groups.getFirst().fingerprint(), "message", "no such message anywhere");
            assertEquals(List.of(true, true), rules.list().stream().map(RuleState::matchesNothing).toList());
            assertEquals(groups, groups(index));

            Path shared = tmp.resolve("team-rules.json");
            rules.export(shared);
            assertTrue(rules.remove("r1").isPresent());
            GroupingService.Imported imported = rules.importFrom(shared);
            assertEquals(1, imported.added().size(), "r2 is there already; r1 comes back");
            assertNotEquals(List.of(), GroupingRulesFile.read(shared));
        }
    }

    @Test
    void badRulesAreRefusedWithTheirReason() throws Exception {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "{\"rules\":[{\"id\":\"r1\",\"action\":\"split\",\"group\":\"ab\",\"by\":\"frame\",\"pattern\":\"(\"}]}");
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.tracelens.store.StoreException.class,
                () -> GroupingRulesFile.read(file));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("not a regular expression"), e.getMessage());
        var usage = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GroupingRule.split("r1", "ab", "colour", null));
        assertTrue(usage.getMessage().contains("split by one of"), usage.getMessage());
    }
}
