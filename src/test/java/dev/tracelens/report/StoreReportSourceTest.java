package dev.tracelens.report;

import dev.tracelens.store.HistoryBucket;

import dev.tracelens.store.BucketSize;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ScriptedScan;
import dev.tracelens.store.StoreException;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.StoreImporter;
import dev.tracelens.store.LuceneTracebackIndex;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.store.TracebackStore;
import dev.tracelens.traceback.Traceback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store adapter over a real store on disk, filled with the golden tests' tracebacks. */
class StoreReportSourceTest {
    @TempDir
    Path tmp;
    private TracebackStore store;
    private TracebackIndex queries;

    @BeforeEach
    void fill() throws Exception {
        List<Traceback> all = new ArrayList<>();
        all.addAll(ReportFixtures.keyErrorGroup().occurrences());
        all.add(ReportFixtures.hostileGroup().representative());
        all.add(ReportFixtures.cutOffGroup().representative());
        all.sort((a, b) -> a.timestamp().compareTo(b.timestamp()));
        String archive = "2026-11-20.tsv";
        Path file = Files.writeString(tmp.resolve(archive), "rows");
        store = TracebackStore.open(tmp.resolve("store"));
        new StoreImporter(store, new ScriptedScan().emit(archive, all.toArray(Traceback[]::new)))
                .importArchives(List.of(file), ImportListener.NONE);
        queries = new LuceneTracebackIndex(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void groupsComeMostFrequentFirstWithTheirRepresentativeOccurrencesAndHistory() {
        StoreReportSource source = new StoreReportSource(queries, StoreFilter.ALL, List.of(), 2);
        assertEquals(3, source.groupCount());
        Iterator<ReportGroup> groups = source.groups();
        ReportGroup first = groups.next();
        assertEquals("a1b2c3d4e5f60718", first.fingerprint());
        assertEquals(3, first.count());
        assertEquals(List.of("i-2ee330b7", "i-9f00aa01"), first.hosts());
        assertEquals(Instant.parse("2026-11-20T03:18:39Z"), first.firstSeen());
        assertEquals(Instant.parse("2026-11-20T04:02:11Z"), first.lastSeen());
        assertEquals(3, first.representative().context().size(), "the representative is read with its context");
        assertEquals(List.of(700_000_000_390L, 700_000_000_205L), first.occurrences().stream().map(Traceback::firstId).toList(),
                "newest first, capped");
        assertEquals(Duration.ofHours(1), first.history().bucket());
        assertEquals(List.of(2L, 1L), first.history().buckets().stream().map(HistoryBucket::count).toList());
        ReportGroup hostile = groups.next();
        assertEquals(ReportFixtures.hostileGroup().message(), hostile.message(), "the full message, not the 200-char sample");
        assertEquals("0000cut0ff000000", groups.next().fingerprint());
        assertFalse(groups.hasNext());

        ReportHistory all = source.history(false);
        assertEquals(5, all.total());
        assertTrue(all.buckets().stream().allMatch(b -> b.count() > 0), "empty buckets are left out");
    }

    @Test
    void pickedGroupsAndFilters() {
        StoreReportSource picked = new StoreReportSource(queries, StoreFilter.ALL,
                List.of("0000cut0ff000000", "a1b2c3d4e5f60718"), 0);
        Iterator<ReportGroup> groups = picked.groups();
        assertEquals("a1b2c3d4e5f60718", groups.next().fingerprint(), "still most frequent first");
        ReportGroup cut = groups.next();
        assertEquals(List.of(), cut.occurrences(), "--occurrences 0 lists none");
        assertEquals(4, picked.history(true).total(), "history of the picked groups only");

        StoreFilter oneHost = StoreFilter.ALL.withHosts(List.of("i-9f00aa01"));
        ReportGroup narrowed = StoreReportSource.group(queries, oneHost, "a1b2c3d4e5f60718", 10);
        assertEquals(1, narrowed.count());
        assertEquals(List.of(700_000_000_205L), narrowed.occurrences().stream().map(Traceback::firstId).toList());

        StoreException missing = assertThrows(StoreException.class,
                () -> new StoreReportSource(queries, oneHost, List.of("ffee00ddccbbaa99"), 1));
        assertTrue(missing.getMessage().contains("ffee00ddccbbaa99"), missing.getMessage());
    }

    @Test
    void hoursForAWeekDaysBeyond() {
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        assertEquals(BucketSize.HOUR, StoreReportSource.bucketFor(StoreFilter.ALL.withTime(t, t.plus(Duration.ofDays(7))), List.of()));
        assertEquals(BucketSize.DAY, StoreReportSource.bucketFor(StoreFilter.ALL.withTime(t, t.plus(Duration.ofDays(8))), List.of()));
        assertEquals(Duration.ofHours(1), new StoreReportSource(queries, StoreFilter.ALL, List.of(), 0).history(false).bucket(),
                "the fixtures span hours");
    }
}
