package dev.tracelens.ui.detail;

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
