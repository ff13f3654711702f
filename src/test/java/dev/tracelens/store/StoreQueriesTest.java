package dev.tracelens.store;

import dev.tracelens.traceback.Traceback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.tracelens.store.TestTracebacks.T0;
import static dev.tracelens.store.TestTracebacks.tb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreQueriesTest {
    private static final String ARCHIVE = "2016-08-12.tsv";

    @TempDir
    Path tmp;
    private TracebackStore store;
    private StoreQueries queries;

    private static Instant at(long hours, long minutes) {
        return T0.plusSeconds(hours * 3600 + minutes * 60);
    }

    private static Traceback a(long id, Instant time, String host) {
        return tb(id, time, host, "app-web", "KeyError", "'user_id'", "login_required", "fpA", ARCHIVE);
    }

    private static Traceback b(long id, Instant time) {
        return tb(id, time, "i-host3", "app-worker", "ValueError", "invalid literal for int() with base 10: 'abc'",
                "parse_amount", "fpB", ARCHIVE);
    }

    /** Same as group A but printed from another line: same tokens, other fingerprint. */
    private static Traceback a2(long id, Instant time) {
        Traceback t = a(id, time, "i-host2");
        return new Traceback(t.id(), t.firstId(), t.ordinal(), t.timestamp(), t.host(), t.program(), t.language(),
                t.exceptionType(), t.message(), t.frames(), t.causes(), t.text().replace("line 12", "line 99"),
                t.lineKinds(), t.context(), "fpA2",
                t.fingerprintParts(), false, t.archive(), t.row());
    }

    @BeforeEach
    void fill() throws IOException {
        Path file = tmp.resolve(ARCHIVE);
        Files.writeString(file, "rows");
        ScriptedScan scan = new ScriptedScan().emit(ARCHIVE,
                a(1000, at(0, 0), "i-host1"), a(1100, at(1, 0), "i-host2"), b(1200, at(2, 0)), b(1300, at(2, 10)),
                a(1400, at(25, 0), "i-host1"),
                tb(1500, at(30, 0), "i-host1", "app-web", "TypeError", "bad operand", "validated_input", "fpC", ARCHIVE),
                a2(1600, at(40, 0)));
        store = TracebackStore.open(tmp.resolve("store"));
        new StoreImporter(store, scan).importArchives(List.of(file), ImportListener.NONE);
        queries = new StoreQueries(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<Long> search(StoreFilter filter) {
        return queries.search(filter, 100).hits().stream().map(Traceback::firstId).toList();
    }

    @Test
    void searchWithoutTextListsNewestFirst() {
        assertEquals(List.of(1600L, 1500L, 1400L, 1300L, 1200L, 1100L, 1000L), search(StoreFilter.ALL));
        assertEquals(7, queries.search(StoreFilter.ALL, 2).total());
        assertEquals(2, queries.search(StoreFilter.ALL, 2).hits().size());
    }

    @Test
    void fullTextUsesTheSameAnalyzerAsTheIndex() {
        assertEquals(List.of(1200L, 1300L), sorted(search(StoreFilter.ALL.withText("ValueError"))));
        // validated_input is indexed as "validatedput": the query goes through the same filter.
        assertEquals(List.of(1500L), search(StoreFilter.ALL.withText("validated_input")));
        assertEquals(List.of(1500L), search(StoreFilter.ALL.withText("validatedput")));
        // Case-sensitive.
        assertEquals(List.of(), search(StoreFilter.ALL.withText("valueerror")));
        // Words default to AND.
        assertEquals(List.of(1200L, 1300L), sorted(search(StoreFilter.ALL.withText("invalid literal"))));
        assertEquals(List.of(), search(StoreFilter.ALL.withText("KeyError literal")));
        assertEquals(List.of(1000L, 1100L, 1200L, 1300L, 1400L, 1600L),
                sorted(search(StoreFilter.ALL.withText("KeyError OR ValueError"))));
        assertEquals(List.of(1500L), search(StoreFilter.ALL.withText("exceptionType:TypeError")));
    }

    @Test
    void filtersCombine() {
        StoreFilter keyErrors = StoreFilter.ALL.withTypes(List.of("KeyError"));
        assertEquals(List.of(1600L, 1400L, 1100L, 1000L), search(keyErrors));
        assertEquals(List.of(1600L, 1100L), search(keyErrors.withHosts(List.of("i-host2"))));
        assertEquals(List.of(1400L), search(keyErrors.withTime(at(1, 1), at(40, 0))));
        assertEquals(List.of(1300L, 1200L), search(StoreFilter.ALL.withPrograms(List.of("app-worker"))));
        assertEquals(List.of(1600L), search(StoreFilter.ALL.withFingerprint("fpA2")));
        assertEquals(List.of(1500L, 1400L), search(StoreFilter.ALL.withHosts(List.of("i-host1", "i-host9"))
                .withTime(at(1, 0), null)));
    }

    @Test
    void badSyntaxNamesTheColumn() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
                () -> queries.search(StoreFilter.ALL.withText("KeyError AND (user"), 10));
        assertTrue(e.column() > 0, e.getMessage());
        assertTrue(e.getMessage().contains("at column " + e.column()), e.getMessage());
        assertTrue(e.getMessage().contains("KeyError AND (user"), e.getMessage());
        QuerySyntaxException quote = assertThrows(QuerySyntaxException.class, () -> queries.validate("\"KeyError"));
        assertTrue(quote.getMessage().contains("column"), quote.getMessage());
    }

    @Test
    void queryOfFilteredOutWordsIsReportedNotEmpty() {
        NoSearchableWordsException e = assertThrows(NoSearchableWordsException.class,
                () -> queries.search(StoreFilter.ALL.withText("in line"), 10));
        assertEquals("'in line' has no searchable words: traceback_filtered removes them"
                + " (digits, punctuation and words such as File, line, in, return)", e.getMessage());
        assertThrows(NoSearchableWordsException.class, () -> queries.validate("File 42 _"));
        queries.validate("in KeyError");
    }

    @Test
    void groupsByCountAndByLastSeen() {
        GroupList byCount = queries.groups(StoreFilter.ALL, GroupSort.COUNT, 10);
        assertEquals(4, byCount.totalGroups());
        assertEquals(7, byCount.totalOccurrences());
        assertEquals(List.of("fpA", "fpB", "fpA2", "fpC"),
                byCount.groups().stream().map(GroupSummary::fingerprint).toList());
        GroupSummary a = byCount.groups().getFirst();
        assertEquals(3, a.count());
        assertEquals(at(0, 0), a.firstSeen());
        assertEquals(at(25, 0), a.lastSeen());
        assertEquals(List.of("i-host1", "i-host2"), a.hosts());
        assertEquals(List.of("app-web"), a.programs());
        assertEquals(1400, a.representativeFirstId());
        assertEquals("KeyError", a.exceptionType());
        assertEquals("'user_id'", a.messageSample());
        assertEquals("invalid literal for int() with base 10: 'abc'", byCount.groups().get(1).messageSample());

        GroupList byLast = queries.groups(StoreFilter.ALL, GroupSort.LAST_SEEN, 2);
        assertEquals(List.of("fpA2", "fpC"), byLast.groups().stream().map(GroupSummary::fingerprint).toList());
        assertEquals(4, byLast.totalGroups());
    }

    @Test
    void groupsFollowTheFilter() {
        GroupList day2 = queries.groups(StoreFilter.ALL.withTime(at(24, 0), at(48, 0)), GroupSort.COUNT, 10);
        assertEquals(3, day2.totalOccurrences());
        GroupSummary a = day2.groups().stream().filter(g -> g.fingerprint().equals("fpA")).findFirst().orElseThrow();
        assertEquals(1, a.count());
        assertEquals(List.of("i-host1"), a.hosts());
        GroupList text = queries.groups(StoreFilter.ALL.withText("ValueError"), GroupSort.COUNT, 10);
        assertEquals(List.of("fpB"), text.groups().stream().map(GroupSummary::fingerprint).toList());
        assertEquals(1300, text.groups().getFirst().representativeFirstId());
    }

    @Test
    void historyCountsPerHourAndPerDay() {
        History hours = queries.history("fpA", StoreFilter.ALL.withTime(at(0, 0), at(26, 0)), BucketSize.HOUR);
        assertEquals(26, hours.buckets().size());
        assertEquals(3, hours.total());
        assertEquals(at(0, 0), hours.buckets().getFirst().start());
        for (int i = 0; i < 26; i++) {
            long expected = i == 0 || i == 1 || i == 25 ? 1 : 0;
            assertEquals(expected, hours.buckets().get(i).count(), "hour " + i);
        }
        History days = queries.history("fpA", StoreFilter.ALL, BucketSize.DAY);
        assertEquals(List.of(new HistoryBucket(Instant.parse("2016-08-12T00:00:00Z"), 2),
                new HistoryBucket(Instant.parse("2016-08-13T00:00:00Z"), 1)), days.buckets());
        assertEquals(List.of(), queries.history("nope", StoreFilter.ALL, BucketSize.DAY).buckets());
    }

    @Test
    void historicalReflectionMatchesTheFilteredTokenSequenceAcrossGroups() {
        HistoricalReflection r = queries.reflection(1000, 100).orElseThrow();
        // Group A's three plus A2, whose text differs only by a line number.
        assertEquals(4, r.count());
        assertEquals(List.of(1000L, 1100L, 1400L, 1600L), r.firstIds());
        assertTrue(r.tokens() > 5);
        assertEquals(List.of(1000L, 1100L), queries.reflection(1000, 2).orElseThrow().firstIds());
        assertEquals(2, queries.reflection(1200, 100).orElseThrow().count());
        assertTrue(queries.reflection(42, 10).isEmpty());
    }

    @Test
    void latestOccurrenceOfAGroup() {
        Traceback t = queries.latest("fpA").orElseThrow();
        assertEquals(1400, t.firstId());
        assertEquals(3, t.context().size());
        assertTrue(queries.latest("nope").isEmpty());
    }

    @Test
    void pruneDeletesOlderOccurrencesAndKeepsTheRegistry() {
        long sizeBefore = store.sizeOnDisk();
        assertEquals(4, new StoreRetention(store).prune(at(24, 0)));
        assertEquals(List.of(1400L, 1500L, 1600L), sorted(search(StoreFilter.ALL)));
        assertEquals(1, new ArchiveRegistry(store).list().size());
        assertEquals(0, new StoreRetention(store).prune(at(24, 0)));
        assertTrue(store.sizeOnDisk() > 0 && sizeBefore > 0);
    }

    @Test
    void clearEmptiesTheStoreAndTheRegistry() {
        assertEquals(7, new StoreRetention(store).clear());
        assertEquals(0, store.tracebackCount());
        assertTrue(new ArchiveRegistry(store).list().isEmpty(), "the archives can be imported again");
        assertEquals(0, new StoreRetention(store).clear());
    }

    private static List<Long> sorted(List<Long> ids) {
        return ids.stream().sorted().toList();
    }

    @Test
    void pruneReclaimsSpace(@TempDir Path other) throws IOException {
        Path file = Files.writeString(other.resolve("2016-08-12.tsv"), "rows");
        ScriptedScan scan = new ScriptedScan();
        for (int i = 0; i < 3000; i++) {
            scan.emit("2016-08-12.tsv", tb(10_000 + i, at((i % 2) * 24L + (i / 2) % 24, i % 60), "i-h" + i % 7, "app", "KeyError",
                    "'k" + i + "'", "f" + (char) ('a' + i % 26), "fp" + i % 40, "2016-08-12.tsv"));
        }
        try (TracebackStore big = TracebackStore.open(other.resolve("store"))) {
            new StoreImporter(big, scan).importArchives(List.of(file), ImportListener.NONE);
            long before = big.sizeOnDisk();
            assertEquals(1500, new StoreRetention(big).prune(at(24, 0)));
            big.refresh();
            assertEquals(1500, big.tracebackCount());
            long after = big.sizeOnDisk();
            assertTrue(after < before * 0.8, "before " + before + " after " + after);
        }
    }
}

