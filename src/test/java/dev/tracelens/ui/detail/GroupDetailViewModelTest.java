package dev.tracelens.ui.detail;

import dev.tracelens.engine.GroupDetail;
import dev.tracelens.engine.GroupQuery;
import dev.tracelens.engine.GroupRow;
import dev.tracelens.store.ImportListener;
import dev.tracelens.engine.Occurrence;
import dev.tracelens.engine.StoreLibrary;
import dev.tracelens.ui.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupDetailViewModelTest {
    @TempDir
    Path tmp;
    StoreLibrary library;

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void sameTextCountsTheWholeStoreAndEarlierCountsWhatCameBeforeTheTimeFilter() throws Exception {
        library = StoreLibrary.open(tmp.resolve("store"));
        library.importArchives(List.of(Path.of("sample-logs")), 10, ImportListener.NONE);
        GroupDetail repeated = null;
        for (GroupRow g : library.groups(GroupQuery.ALL, 100)) {
            GroupDetail d = library.detail(g.fingerprint(), GroupQuery.ALL, 10).orElseThrow();
            assertTrue(d.sameTextBefore() >= 0 && d.sameTextBefore() <= d.seenBefore(), g.exceptionType());
            if (d.seenBefore() <= g.count()) {
                // A text of this group only: nothing of it before the group's first occurrence.
                // (A cut-off traceback's text is part of longer ones, which may come earlier.)
                assertEquals(0, d.sameTextBefore(), "nothing of " + g.exceptionType() + " before its first occurrence");
            }
            assertEquals(g.firstSeen(), d.before());
            if (d.seenBefore() >= 2 && repeated == null) {
                repeated = d;
            }
        }
        assertTrue(repeated != null, "some traceback text occurs twice in the samples");
        GroupRow g = repeated.group();
        // A time filter starting at the group's last occurrence: the earlier ones of the same text count.
        GroupQuery fromLast = new GroupQuery("", g.lastSeen(), null, null, null, null);
        GroupDetail recent = library.detail(g.fingerprint(), fromLast, 10).orElseThrow();
        assertEquals(g.lastSeen(), recent.before());
        assertTrue(recent.sameTextBefore() >= 1 && recent.sameTextBefore() < recent.seenBefore(),
                recent.sameTextBefore() + " of " + recent.seenBefore());
        // Before a moment after everything, "earlier" is the whole store's count of the text.
        GroupQuery late = new GroupQuery("", g.firstSeen(), java.time.Instant.parse("2100-01-01T00:00:00Z"),
                null, null, null);
        GroupDetail all = library.detail(g.fingerprint(), late, 10).orElseThrow();
        assertEquals(0, all.sameTextBefore());
        assertEquals(repeated.seenBefore(), library.detail(g.fingerprint(), new GroupQuery("",
                java.time.Instant.parse("2100-01-01T00:00:00Z"), null, null, null, null), 10)
                .map(GroupDetail::sameTextBefore).orElse(repeated.seenBefore()),
                "the phrase search counts what the reflection counts");
    }

    @Test
    void showsTheGroupAndStepsThroughItsOccurrencesNewestFirst() throws Exception {
        library = StoreLibrary.open(tmp.resolve("store"));
        library.importArchives(List.of(Path.of("sample-logs")), 10, ImportListener.NONE);
        GroupRow top = library.groups(GroupQuery.ALL, 10).getFirst();
        GroupDetailViewModel model = new GroupDetailViewModel(library, new CurrentThreadTaskExecutor());

        model.show(top, GroupQuery.ALL);
        assertEquals(top.count(), model.detailProperty().get().group().count());
        List<Occurrence> occ = model.occurrences();
        assertEquals(top.count(), occ.size());
        for (int i = 1; i < occ.size(); i++) {
            assertTrue(!occ.get(i).timestamp().isAfter(occ.get(i - 1).timestamp()), "newest first");
        }
        assertEquals(occ.getFirst(), model.selectedOccurrenceProperty().get());
        assertEquals(occ.getFirst().id(), model.tracebackProperty().get().firstId());
        assertTrue(model.tracebackProperty().get().context().size() <= 10);

        model.next();
        assertEquals(occ.get(1), model.selectedOccurrenceProperty().get());
        assertEquals(occ.get(1).id(), model.tracebackProperty().get().firstId());
        model.previous();
        model.previous();
        assertEquals(occ.getFirst(), model.selectedOccurrenceProperty().get(), "stops at the newest");

        model.show(null, GroupQuery.ALL);
        assertNull(model.detailProperty().get());
        assertNull(model.tracebackProperty().get());
    }

    @Test
    void markdownIsTheReportsGroupWithTheSelectedOccurrenceInFull() throws Exception {
        library = StoreLibrary.open(tmp.resolve("store"));
        library.importArchives(List.of(Path.of("sample-logs")), 10, ImportListener.NONE);
        GroupRow top = library.groups(GroupQuery.ALL, 10).getFirst();
        GroupDetailViewModel model = new GroupDetailViewModel(library, new CurrentThreadTaskExecutor());
        model.show(top, GroupQuery.ALL);
        model.next();
        var shown = model.tracebackProperty().get();
        assertTrue(!shown.context().isEmpty(), "the sample tracebacks have context");

        List<String> copied = new java.util.ArrayList<>();
        model.markdown(false, copied::add);
        assertEquals(1, copied.size());
        String md = copied.getFirst();
        assertTrue(md.startsWith("## " + top.exceptionType()), md);
        assertTrue(md.contains("- **Count:** " + top.count() + "\n"), md);
        assertTrue(md.contains(top.fingerprint()), md);
        assertTrue(md.contains(shown.text()), "the selected occurrence's traceback: " + md);
        assertTrue(md.contains(shown.context().getLast().message()), "with its context: " + md);
        assertTrue(md.contains("```text\n"), "fenced: " + md);
        assertTrue(md.contains("Occurrences: " + top.count()), "lists the newest occurrences: " + md);

        copied.clear();
        model.markdown(true, copied::add);
        assertTrue(copied.getFirst().contains("{noformat}"), copied.getFirst());

        model.show(null, GroupQuery.ALL);
        copied.clear();
        model.markdown(false, copied::add);
        assertEquals(List.of(), copied, "nothing selected, nothing copied");
    }
}
