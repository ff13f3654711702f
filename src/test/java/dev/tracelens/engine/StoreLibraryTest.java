package dev.tracelens.engine;

import dev.tracelens.store.HistoryBucket;

import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ImportResult;
import dev.tracelens.traceback.Traceback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's view of the real store, filled from the bundled sample logs. */
class StoreLibraryTest {
    static final Path SAMPLES = Path.of("sample-logs");
    @TempDir
    Path tmp;
    StoreLibrary library;

    @BeforeEach
    void importSamples() {
        library = StoreLibrary.open(tmp.resolve("store"));
        ImportResult outcome = library.importArchives(List.of(SAMPLES), 20, ImportListener.NONE);
        assertEquals(dev.tracelens.samples.SampleArchiveGenerator.FILES, outcome.imported().size());
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void groupCountsAgreeWithTheirDetailAndOccurrences() throws Exception {
        List<GroupRow> groups = library.groups(GroupQuery.ALL, 100);
        assertFalse(groups.isEmpty());
        long total = groups.stream().mapToLong(GroupRow::count).sum();
        assertEquals(library.facets().tracebacks(), total);
        for (GroupRow g : groups) {
            GroupDetail d = library.detail(g.fingerprint(), GroupQuery.ALL, 1000).orElseThrow();
            assertEquals(g.count(), d.group().count(), g.exceptionType());
            assertEquals(g.lastSeen(), d.group().lastSeen(), g.exceptionType());
            assertEquals(g.count(), d.occurrences().size(), g.exceptionType());
            assertEquals(g.count(), d.history().stream().mapToLong(HistoryBucket::count).sum());
            assertEquals(g.count(), g.timeline().stream().mapToLong(Long::longValue).sum());
            assertTrue(d.seenBefore() >= 1, "an occurrence is at least seen as itself");
            Traceback t = library.occurrence(d.occurrences().getFirst().id()).orElseThrow();
            assertEquals(g.fingerprint(), t.fingerprint());
        }
    }

    /** One pass for a reload gives what facets() and groups() give one by one, filtered or not. */
    @Test
    void facetsAndGroupsEqualsItsParts() throws Exception {
        for (GroupQuery q : List.of(GroupQuery.ALL, new GroupQuery("KeyError", null, null, null, null, null))) {
            for (int limit : new int[] {3, 100}) {
                TracebackLibrary.FacetsAndGroups both = library.facetsAndGroups(f -> q, limit);
                assertEquals(library.facets(), both.facets());
                assertEquals(q, both.query());
                assertEquals(library.groups(q, limit), both.groups(), q + ", limit " + limit);
            }
        }
    }

    @Test
    void searchNarrowsAndBadSyntaxIsExplained() throws Exception {
        List<GroupRow> all = library.groups(GroupQuery.ALL, 100);
        List<GroupRow> some = library.groups(new GroupQuery("ZeroDivisionError", null, null, null, null, null), 100);
        assertFalse(some.isEmpty());
        assertTrue(some.size() < all.size());
        InvalidQueryException bad = assertThrows(InvalidQueryException.class,
                () -> library.groups(new GroupQuery("foo AND (bar", null, null, null, null, null), 100));
        assertTrue(bad.getMessage().toLowerCase().contains("syntax"), bad.getMessage());
        InvalidQueryException empty = assertThrows(InvalidQueryException.class,
                () -> library.groups(new GroupQuery("in line", null, null, null, null, null), 100));
        assertTrue(empty.getMessage().contains("no searchable words"), empty.getMessage());
    }

    @Test
    void clearEmptiesTheStore() throws Exception {
        library.clear();
        assertEquals(0, library.facets().tracebacks());
        assertTrue(library.groups(GroupQuery.ALL, 100).isEmpty());
    }
}
