package dev.tracelens.ui.groups;

import dev.tracelens.engine.GroupRow;
import dev.tracelens.store.ImportListener;
import dev.tracelens.engine.StoreLibrary;
import dev.tracelens.ui.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupsViewModelTest {
    @TempDir
    Path tmp;
    StoreLibrary library;
    GroupsViewModel model;

    @BeforeEach
    void fill() {
        library = StoreLibrary.open(tmp.resolve("store"));
        library.importArchives(List.of(Path.of("sample-logs")), 10, ImportListener.NONE);
        model = new GroupsViewModel(library, new CurrentThreadTaskExecutor());
        model.reload();
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void whileHeldAnImportsReloadDoesNotMoveTheRowsAndShowsWhenTheHoldEnds() throws Exception {
        try (StoreLibrary growing = StoreLibrary.open(tmp.resolve("growing"))) {
            growing.importArchives(List.of(Path.of("sample-logs/2026-11-20-03.tsv.gz")), 10, ImportListener.NONE);
            GroupsViewModel list = new GroupsViewModel(growing, new CurrentThreadTaskExecutor());
            list.reload();
            List<GroupRow> before = List.copyOf(list.groups());
            GroupRow pointed = before.get(1);
            list.selectedProperty().set(pointed);

            list.holdOrderProperty().set(true); // the pointer is over the list during an import
            growing.importArchives(List.of(Path.of("sample-logs")), 10, ImportListener.NONE);
            list.reload();
            List<GroupRow> after = growing.groups(dev.tracelens.engine.GroupQuery.ALL, GroupsViewModel.LIMIT);
            assertFalse(after.stream().map(GroupRow::fingerprint).toList()
                    .equals(before.stream().map(GroupRow::fingerprint).toList()), "the import reorders the list");
            assertEquals(before, list.groups(), "held: no row moved under the pointer");
            assertTrue(list.hasHeldReload());
            assertEquals(pointed, list.selectedProperty().get());

            list.holdOrderProperty().set(false);
            assertEquals(after.stream().map(GroupRow::fingerprint).toList(),
                    list.groups().stream().map(GroupRow::fingerprint).toList(), "applied once calm");
            assertEquals(pointed.fingerprint(), list.selectedProperty().get().fingerprint(), "the selection kept");
            assertFalse(list.hasHeldReload());

            // What the user asks for is never held.
            list.holdOrderProperty().set(true);
            list.searchTextProperty().set("KeyError");
            list.search();
            assertTrue(list.groups().stream().allMatch(g -> g.exceptionType().equals("KeyError")), "a search shows at once");
        }
    }

    @Test
    void anImportsFrequentReloadsDoNotCancelTheOneStillRunningSoTheFirstGroupsShow() {
        dev.tracelens.ui.task.QueuedTaskExecutor busy = new dev.tracelens.ui.task.QueuedTaskExecutor();
        GroupsViewModel list = new GroupsViewModel(library, busy);
        // An import asks for a reload on every progress step; the machine is slower than that.
        for (int step = 0; step < 5; step++) {
            list.reloadShowingUncommitted();
        }
        assertEquals(1, busy.waiting(), "one reload in flight, the later asks skipped");
        assertEquals(0, busy.cancelled(), "none cancelled the one running");
        busy.runAll();
        assertFalse(list.groups().isEmpty(), "the first groups show while the import still runs");

        // Once it finished, the next ask loads again; what the user asks for still wins at once.
        list.reloadShowingUncommitted();
        assertEquals(1, busy.waiting());
        list.searchTextProperty().set("KeyError");
        list.search();
        assertEquals(1, busy.cancelled(), "a search cancels the background reload");
        busy.runAll();
        assertTrue(list.groups().stream().allMatch(g -> g.exceptionType().equals("KeyError")));
    }

    @Test
    void listsGroupsByCountWithFacets() {
        List<GroupRow> groups = model.groups();
        assertTrue(groups.size() > 3);
        for (int i = 1; i < groups.size(); i++) {
            assertTrue(groups.get(i - 1).count() >= groups.get(i).count());
        }
        assertFalse(model.hosts().isEmpty());
        assertFalse(model.types().isEmpty());
        assertEquals(groups.getFirst(), model.selectedProperty().get());
        long total = groups.stream().mapToLong(GroupRow::count).sum();
        assertTrue(model.summaryProperty().get().endsWith(total + " tracebacks"), model.summaryProperty().get());
    }

    @Test
    void searchNarrowsAndKeepsTheSelectionWhenItStillMatches() {
        int all = model.groups().size();
        GroupRow zero = model.groups().stream().filter(g -> g.exceptionType().equals("ZeroDivisionError"))
                .findFirst().orElseThrow();
        model.selectedProperty().set(zero);
        model.searchTextProperty().set("ZeroDivisionError");
        model.search();
        assertTrue(model.groups().size() < all);
        assertEquals("ZeroDivisionError", model.selectedProperty().get().exceptionType());
        assertEquals("", model.queryErrorProperty().get());
        model.clearSearch();
        assertEquals(all, model.groups().size());
        assertEquals("ZeroDivisionError", model.selectedProperty().get().exceptionType());
    }

    @Test
    void badSyntaxAndFilteredOutWordsAreExplainedAndKeepTheList() {
        int all = model.groups().size();
        model.searchTextProperty().set("payments AND (");
        model.search();
        assertEquals("Cannot search: a '(' is not closed (column 15). The list shows the previous results.",
                model.queryErrorProperty().get());
        assertEquals("payments AND (\n              ^", model.queryProblemProperty().get().caret(),
                "the caret just after the end, where a word or ')' is missing");
        assertEquals(all, model.groups().size(), "the last good list stays");
        // The example: Lucene says "column 0"; people count from 1.
        model.searchTextProperty().set("AND payments");
        model.search();
        assertEquals("Cannot search: AND needs a word on both sides (column 1). The list shows the previous results.",
                model.queryErrorProperty().get());
        assertEquals("AND payments\n^", model.queryProblemProperty().get().caret());
        model.searchTextProperty().set("\"charge failed");
        model.search();
        assertTrue(model.queryErrorProperty().get().startsWith("Cannot search: a quote is not closed"),
                model.queryErrorProperty().get());
        model.searchTextProperty().set("in line");
        model.search();
        assertTrue(model.queryErrorProperty().get().contains("no searchable words"));
        model.searchTextProperty().set("KeyError");
        model.search();
        assertEquals("", model.queryErrorProperty().get());
        assertEquals(null, model.queryProblemProperty().get());
    }

    @Test
    void aSearchInTheWrongCaseSuggestsTheStoredCasing() {
        model.searchTextProperty().set("keyerror");
        model.search();
        assertTrue(model.groups().isEmpty(), "case-sensitive: keyerror is not KeyError");
        assertEquals(GroupsViewModel.NO_MATCH + "\nThe search is case-sensitive; the store has KeyError (not keyerror).",
                model.emptyListTextProperty().get());
        model.searchTextProperty().set("KeyError");
        model.search();
        assertFalse(model.groups().isEmpty());
    }

    @Test
    void aBadFirstQueryOnAnEmptyListSaysNothingWasSearched() {
        model.searchTextProperty().set("NoSuchWordAnywhere");
        model.search();
        assertTrue(model.groups().isEmpty());
        assertEquals(GroupsViewModel.NO_MATCH, model.emptyListTextProperty().get());
        model.searchTextProperty().set("NoSuchWordAnywhere OR");
        model.search();
        assertEquals(GroupsViewModel.NOT_SEARCHED, model.emptyListTextProperty().get(),
                "not \"No group matches\" as if the search had run");
        assertTrue(model.queryErrorProperty().get().endsWith("Nothing was searched."), model.queryErrorProperty().get());
    }

    @Test
    void fieldNamesAndStoredValuesAreOffered() {
        SearchHelp help = new SearchHelp(model);
        assertEquals(List.of("exceptionType:"), help.completions("payments exc", 12));
        assertEquals(List.of("host:"), help.completions("ho", 2));
        assertEquals(List.of(), help.completions("h", 1), "one letter is a word, not a field yet");
        String type = model.types().getFirst();
        assertTrue(help.completions("exceptionType:" + type.substring(0, 3), 17).contains("exceptionType:" + type),
                help.completions("exceptionType:" + type.substring(0, 3), 17).toString());
    }

    @Test
    void hostAndTypeFiltersNarrowToGroupsSeenThere() {
        String host = model.hosts().getFirst();
        model.selectedHosts().setAll(host);
        assertFalse(model.groups().isEmpty());
        assertTrue(model.groups().stream().allMatch(g -> g.hosts().contains(host)));
        model.selectedHosts().clear();
        String type = model.types().getFirst();
        model.selectedTypes().setAll(type);
        assertEquals(1, model.groups().stream().map(GroupRow::exceptionType).distinct().count());
        assertEquals(type, model.groups().getFirst().exceptionType());
    }

    @Test
    void timeRangeCountsBackFromTheNewestTraceback() {
        long all = model.groups().stream().mapToLong(GroupRow::count).sum();
        model.timeRangeProperty().set(TimeRange.LAST_HOUR);
        long lastHour = model.groups().stream().mapToLong(GroupRow::count).sum();
        assertTrue(lastHour > 0 && lastHour < all, lastHour + " of " + all);
    }

    @Test
    void severalValuesOfAFilterShowTheGroupsOfAnyOfThemWithCountsAndOneResetClearsAll() {
        long all = model.groups().stream().mapToLong(GroupRow::count).sum();
        List<String> two = model.types().subList(0, 2);
        long first = model.facetsProperty().get().count(dev.tracelens.engine.Facets.TYPE, two.get(0));
        long second = model.facetsProperty().get().count(dev.tracelens.engine.Facets.TYPE, two.get(1));
        assertTrue(first > 0 && second > 0, first + ", " + second);
        model.selectedTypes().setAll(two);
        assertEquals(java.util.Set.copyOf(two),
                model.groups().stream().map(GroupRow::exceptionType).collect(java.util.stream.Collectors.toSet()));
        assertEquals(first + second, model.groups().stream().mapToLong(GroupRow::count).sum(),
                "the counts beside the values are the tracebacks the list then shows");
        String host = model.hosts().getFirst();
        long onHost = model.facetsProperty().get().count(dev.tracelens.engine.Facets.HOST, host);
        assertTrue(onHost > 0 && onHost < all, onHost + " of " + all);
        assertTrue(model.filteredProperty().get());

        model.timeRangeProperty().set(TimeRange.LAST_HOUR);
        model.searchTextProperty().set("Error");
        model.search();
        model.resetFilters();
        assertFalse(model.filteredProperty().get());
        assertEquals(TimeRange.ALL, model.timeRangeProperty().get());
        assertEquals("", model.searchTextProperty().get());
        assertTrue(model.selectedTypes().isEmpty());
        assertEquals(all, model.groups().stream().mapToLong(GroupRow::count).sum(), "everything again");
    }

    @Test
    void aTypedFixedRangeShowsOnlyItsOccurrences() {
        GroupRow g = model.groups().getFirst();
        java.time.Instant newest = model.facetsProperty().get().last();
        TimeRange lastTwoHours = TimeRange.parse("last 2 h").orElseThrow();
        assertEquals("Last 2 hours", lastTwoHours.label());
        model.timeRangeProperty().set(lastTwoHours);
        assertEquals(newest.minus(java.time.Duration.ofHours(2)), model.queryProperty().get().since());

        java.time.Instant from = newest.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String typed = from.toString().substring(0, 16).replace('T', ' ') + " .. "
                + from.plusSeconds(3600).toString().substring(0, 16).replace('T', ' ');
        model.timeRangeProperty().set(TimeRange.parse(typed).orElseThrow());
        assertEquals(from, model.queryProperty().get().since());
        assertEquals(from.plusSeconds(3600), model.queryProperty().get().until());
        assertTrue(model.groups().stream().allMatch(r -> !r.lastSeen().isBefore(from)
                && r.lastSeen().isBefore(from.plusSeconds(3600))), "only that hour");
        assertFalse(model.groups().isEmpty(), g.toString());
    }
}
