package dev.tracelens.store.opensearch;

import dev.tracelens.store.ArchiveFixtures;
import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.store.BucketSize;
import dev.tracelens.store.GroupList;
import dev.tracelens.store.GroupSort;
import dev.tracelens.store.GroupSummary;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ImportResult;
import dev.tracelens.store.LuceneTracebackIndex;
import dev.tracelens.store.NoSearchableWordsException;
import dev.tracelens.store.QuerySyntaxException;
import dev.tracelens.store.SearchResult;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.Traceback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same archives (sample-logs/ in every input format, plus generated hourly archives with
 * tracebacks crossing hours and a silent host) imported into the embedded store and into a team
 * index on a real OpenSearch node give the same groups, counts, search hits, history buckets,
 * occurrences, reflections and archive records.
 */
@ExtendWith(OpenSearchNodeExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSearchEquivalenceTest {
    private LuceneTracebackIndex local;
    private OpenSearchTracebackIndex team;
    private List<Path> inputs;

    @BeforeAll
    void importBoth(OpenSearchNode node, @TempDir Path tmp) throws Exception {
        Path generated = tmp.resolve("generated");
        ArchiveFixtures.write(generated, 6, 40, true);
        inputs = List.of(Path.of("sample-logs"), generated);
        local = LuceneTracebackIndex.open(tmp.resolve("store"));
        // Small bulk requests, so that an import takes several.
        team = OpenSearchTracebackIndex.open(TeamIndexAddress.parse(node.indexUrl("equivalence")),
                TeamIndexCredentials.none(), false, 64 * 1024);
        local.importPaths(inputs, 10, ImportListener.NONE);
        ImportResult r = team.importPaths(inputs, 10, ImportListener.NONE);
        assertTrue(r.tracebacksWritten() > 100, "imported " + r.tracebacksWritten());
    }

    @AfterAll
    void close() {
        local.close();
        team.close();
    }

    @Test
    void countsAndArchivesAreTheSame() {
        assertEquals(local.tracebackCount(), team.tracebackCount());
        assertEquals(strip(local.archives()), strip(team.archives()));
    }

    private static List<String> strip(List<ArchiveRecord> records) {
        // importedAt differs by nature; everything else must not.
        return records.stream().map(r -> String.join("|", r.name(), Long.toString(r.sizeBytes()), r.checksum(),
                Long.toString(r.rows()), Long.toString(r.badRows()), Long.toString(r.tracebacks()),
                Boolean.toString(r.complete()), String.valueOf(r.pendingFrom()))).toList();
    }

    @Test
    void groupsAreTheSameUnderEveryFilter() {
        GroupList all = local.groups(StoreFilter.ALL, GroupSort.COUNT, 10_000);
        assertTrue(all.totalGroups() > 5);
        GroupSummary some = all.groups().get(1);
        List<StoreFilter> filters = List.of(StoreFilter.ALL,
                StoreFilter.ALL.withHosts(some.hosts().subList(0, 1)),
                StoreFilter.ALL.withTypes(List.of(some.exceptionType())),
                StoreFilter.ALL.withLanguages(List.of("python")),
                StoreFilter.ALL.withLanguages(List.of("java", "go")),
                StoreFilter.ALL.withText("KeyError"),
                StoreFilter.ALL.withText("user_id OR ValueError"),
                StoreFilter.ALL.withText("exceptionType:KeyError"),
                StoreFilter.ALL.withText("\"invalid literal\""),
                StoreFilter.ALL.withText("Key*"),
                StoreFilter.ALL.withTime(some.firstSeen(), some.lastSeen()),
                StoreFilter.ALL.withPrograms(List.of("app")));
        for (StoreFilter f : filters) {
            for (GroupSort sort : GroupSort.values()) {
                assertEquals(local.groups(f, sort, 10_000), team.groups(f, sort, 10_000), f + " " + sort);
            }
            assertEquals(local.groups(f, GroupSort.COUNT, 3), team.groups(f, GroupSort.COUNT, 3), f + " top 3");
        }
    }

    @Test
    void searchHitsAreTheSame() {
        for (String text : new String[]{null, "KeyError", "user_id", "ValueError OR TypeError", "\"Traceback most recent call\"",
                "exceptionType:KeyError", "Traceback NOT KeyError"}) {
            StoreFilter f = StoreFilter.ALL.withText(text);
            SearchResult a = local.search(f, 10_000);
            SearchResult b = team.search(f, 10_000);
            assertEquals(a.total(), b.total(), text);
            if (text == null) {
                assertEquals(a.hits(), b.hits(), "newest first, in the same order");
            } else {
                assertEquals(keys(a.hits()), keys(b.hits()), text);
            }
        }
        assertEquals(local.search(StoreFilter.ALL, 7).hits(), team.search(StoreFilter.ALL, 7).hits());
    }

    private static Set<String> keys(List<Traceback> hits) {
        return hits.stream().map(t -> t.firstId() + "/" + t.ordinal()).collect(Collectors.toSet());
    }

    @Test
    void historiesAreTheSame() {
        for (GroupSummary g : local.groups(StoreFilter.ALL, GroupSort.COUNT, 12).groups()) {
            for (BucketSize size : BucketSize.values()) {
                assertEquals(local.history(g.fingerprint(), StoreFilter.ALL, size),
                        team.history(g.fingerprint(), StoreFilter.ALL, size), g.fingerprint() + " " + size);
            }
        }
        StoreFilter range = StoreFilter.ALL.withTime(Instant.parse("2016-08-12T01:00:00Z"), Instant.parse("2016-08-12T09:00:00Z"));
        assertEquals(local.history(null, range, BucketSize.HOUR), team.history(null, range, BucketSize.HOUR));
        assertEquals(local.history("no-such-group", StoreFilter.ALL, BucketSize.DAY),
                team.history("no-such-group", StoreFilter.ALL, BucketSize.DAY));
    }

    @Test
    void occurrencesAndReflectionsAreTheSame() {
        // The most frequent groups and the rarest (one occurrence each), not all: the machine is shared.
        List<GroupSummary> groups = local.groups(StoreFilter.ALL, GroupSort.COUNT, 10_000).groups();
        List<GroupSummary> some = new java.util.ArrayList<>(groups.subList(0, Math.min(8, groups.size())));
        some.addAll(groups.subList(Math.max(8, groups.size() - 4), groups.size()));
        for (GroupSummary g : some) {
            long id = g.representativeFirstId();
            assertEquals(local.occurrence(id), team.occurrence(id), "occurrence " + id);
            assertTrue(team.occurrence(id).orElseThrow().context().size() > 0 || local.occurrence(id).orElseThrow().context().isEmpty());
            assertEquals(local.occurrence(id, 0), team.occurrence(id, 0));
            assertEquals(local.latest(g.fingerprint()), team.latest(g.fingerprint()));
            assertEquals(local.reflection(id, 5), team.reflection(id, 5), "reflection " + id);
            Traceback t = local.occurrence(id).orElseThrow();
            assertEquals(local.occurrenceByAnyId(t.id()), team.occurrenceByAnyId(t.id()));
        }
        assertEquals(local.occurrence(1L), team.occurrence(1L));
        assertEquals(local.reflection(1L, 5), team.reflection(1L, 5));
    }

    @Test
    void badQueriesFailAlike() {
        assertThrows(QuerySyntaxException.class, () -> team.search(StoreFilter.ALL.withText("KeyError AND"), 5));
        assertThrows(NoSearchableWordsException.class, () -> team.groups(StoreFilter.ALL.withText("in line"), GroupSort.COUNT, 5));
    }

    @Test
    void reimportingAddsNothing() {
        long before = team.tracebackCount();
        ImportResult again = team.importPaths(inputs, 10, ImportListener.NONE);
        assertTrue(again.imported().isEmpty(), "unchanged archives are skipped");
        assertEquals(before, team.tracebackCount());
        assertFalse(again.skipped().isEmpty());
    }
}
