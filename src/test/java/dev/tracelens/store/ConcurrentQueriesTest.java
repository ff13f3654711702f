package dev.tracelens.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.tracelens.store.TestTracebacks.T0;
import static dev.tracelens.store.TestTracebacks.tb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queries from another thread while an import runs (as the app will do). */
class ConcurrentQueriesTest {
    @TempDir
    Path tmp;

    @Test
    void queriesRunWhileAnImportRuns() throws Exception {
        ScriptedScan scan = new ScriptedScan();
        List<Path> files = new ArrayList<>();
        for (int a = 0; a < 20; a++) {
            String name = String.format("2016-08-12-%02d.tsv", a);
            files.add(Files.writeString(tmp.resolve(name), name));
            for (int i = 0; i < 200; i++) {
                long id = 100_000L * (a + 1) + i;
                scan.emit(name, tb(id, T0.plusSeconds(3600L * a + i), "fp" + i % 9, name));
            }
        }
        try (TracebackStore store = TracebackStore.open(tmp.resolve("store"))) {
            StoreQueries queries = new StoreQueries(store);
            CompletableFuture<ImportResult> running = CompletableFuture.supplyAsync(
                    () -> new StoreImporter(store, scan).importArchives(files, ImportListener.NONE));
            long last = 0;
            int rounds = 0;
            while (!running.isDone()) {
                GroupList groups = queries.groups(StoreFilter.ALL, GroupSort.COUNT, 5);
                long total = groups.totalOccurrences();
                // Near-real-time: a store open for writing shows what the import has added so far.
                assertTrue(total >= last, total + " after " + last);
                queries.search(StoreFilter.ALL.withText("KeyError"), 10);
                last = total;
                rounds++;
            }
            assertEquals(20, running.get(1, TimeUnit.MINUTES).imported().size());
            assertEquals(4000, queries.groups(StoreFilter.ALL, GroupSort.COUNT, 5).totalOccurrences());
            assertTrue(rounds > 0);
        }
    }

    @Test
    void refreshShowsWhatARunningImportAddedAndARollbackTakesItBack() throws Exception {
        Path file = Files.writeString(tmp.resolve("2016-08-12-03.tsv"), "a");
        ScriptedScan scan = new ScriptedScan();
        for (int i = 0; i < 100; i++) {
            scan.emit(file.getFileName().toString(), tb(1000 + i, T0.plusSeconds(i), "fp", "03"));
        }
        long[] seenMidArchive = {-1};
        try (TracebackStore store = TracebackStore.open(tmp.resolve("store"))) {
            scan.failBefore = t -> {
                if (t.firstId() == 1050) {
                    store.refresh();
                    seenMidArchive[0] = store.tracebackCount();
                }
                return t.firstId() == 1080;
            };
            assertThrows(IllegalStateException.class,
                    () -> new StoreImporter(store, scan).importArchives(List.of(file), ImportListener.NONE));
            assertEquals(50, seenMidArchive[0], "uncommitted tracebacks are visible after refresh()");
            assertEquals(0, store.tracebackCount(), "the rollback took them back");
        }
    }
}

