package dev.tracelens.ui.engine;

import dev.tracelens.archive.Problem;
import dev.tracelens.report.CsvReportWriter;
import dev.tracelens.report.MarkdownReportWriter;
import dev.tracelens.report.ReportExporter;
import dev.tracelens.report.ReportGroup;
import dev.tracelens.report.ReportHeader;
import dev.tracelens.report.StoreReportSource;
import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.store.BucketSize;
import dev.tracelens.store.GroupList;
import dev.tracelens.store.GroupSort;
import dev.tracelens.store.GroupSummary;
import dev.tracelens.store.History;
import dev.tracelens.store.HistoryBucket;
import dev.tracelens.store.NoSearchableWordsException;
import dev.tracelens.store.QuerySyntaxException;
import dev.tracelens.store.SearchResult;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.StoreImporter;
import dev.tracelens.store.StoreQueries;
import dev.tracelens.store.StoreRetention;
import dev.tracelens.store.TracebackStore;
import dev.tracelens.traceback.Traceback;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.concurrent.CancellationException;

/** The app's view of the Lucene store: maps {@link TracebackLibrary} onto {@code dev.tracelens.store}. */
public final class StoreLibrary implements TracebackLibrary {
    /** Slices of the small bar in the groups table. */
    static final int TIMELINE_SLICES = 24;
    /** Rows of the table that get a timeline; each costs a query, and nobody scrolls past these. */
    static final int TIMELINE_ROWS = 200;
    private static final int ALL_GROUPS = 100_000;

    private final TracebackStore store;
    private final StoreQueries queries;
    private final Clock clock;

    public StoreLibrary(TracebackStore store) {
        this(store, Clock.systemUTC());
    }

    /** @param clock stamps exported reports ("made at") */
    public StoreLibrary(TracebackStore store, Clock clock) {
        this.store = store;
        this.queries = new StoreQueries(store);
        this.clock = clock;
    }

    /** Opens (creating if needed) the store in {@code dir}. */
    public static StoreLibrary open(Path dir) {
        return new StoreLibrary(TracebackStore.open(dir));
    }

    @Override
    public List<GroupRow> groups(GroupQuery query, int limit) throws InvalidQueryException {
        StoreFilter filter = filter(query);
        return rows(run(() -> queries.groups(filter, GroupSort.COUNT, limit)), query, filter);
    }

    /** The table's rows for these groups, the first {@link #TIMELINE_ROWS} with their timeline. */
    private List<GroupRow> rows(GroupList list, GroupQuery query, StoreFilter filter) {
        Instant from = query.since();
        Instant to = query.until();
        if (!list.groups().isEmpty() && (from == null || to == null)) {
            Instant min = list.groups().stream().map(GroupSummary::firstSeen).min(Instant::compareTo).orElseThrow();
            Instant max = list.groups().stream().map(GroupSummary::lastSeen).max(Instant::compareTo).orElseThrow();
            from = from == null ? min : from;
            to = to == null ? max.plusMillis(1) : to;
        }
        List<GroupRow> rows = new ArrayList<>(list.groups().size());
        for (int i = 0; i < list.groups().size(); i++) {
            GroupSummary g = list.groups().get(i);
            List<Long> timeline = i < TIMELINE_ROWS ? timeline(g.fingerprint(), filter, from, to) : List.of();
            rows.add(row(g, timeline));
        }
        return rows;
    }

    /** Occurrences of a group in {@link #TIMELINE_SLICES} equal slices of [from, to). */
    private List<Long> timeline(String fingerprint, StoreFilter filter, Instant from, Instant to) {
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        BucketSize size = span > Duration.ofDays(4).toMillis() ? BucketSize.DAY : BucketSize.HOUR;
        History h = queries.history(fingerprint, filter, size);
        long[] slices = new long[TIMELINE_SLICES];
        for (HistoryBucket b : h.buckets()) {
            if (b.count() == 0) {
                continue;
            }
            long offset = Math.max(0, b.start().toEpochMilli() - from.toEpochMilli());
            int slice = (int) Math.min(TIMELINE_SLICES - 1, offset * TIMELINE_SLICES / span);
            slices[slice] += b.count();
        }
        List<Long> out = new ArrayList<>(TIMELINE_SLICES);
        for (long s : slices) {
            out.add(s);
        }
        return out;
    }

    private static GroupRow row(GroupSummary g, List<Long> timeline) {
        return new GroupRow(g.fingerprint(), g.exceptionType(), g.messageSample(), g.count(), g.hosts(), g.programs(),
                g.firstSeen(), g.lastSeen(), timeline);
    }

    @Override
    public Optional<GroupDetail> detail(String fingerprint, GroupQuery query, int occurrenceLimit)
            throws InvalidQueryException {
        StoreFilter filter = filter(query).withFingerprint(fingerprint);
        GroupList list = run(() -> queries.groups(filter, GroupSort.COUNT, 1));
        if (list.groups().isEmpty()) {
            return Optional.empty();
        }
        GroupSummary g = list.groups().getFirst();
        Instant from = query.since() != null ? query.since() : g.firstSeen();
        Instant to = query.until() != null ? query.until() : g.lastSeen();
        Duration span = Duration.between(from, to);
        BucketSize size = span.compareTo(Duration.ofDays(3)) > 0 ? BucketSize.DAY : BucketSize.HOUR;
        History history = run(() -> queries.history(fingerprint, filter, size));
        SearchResult hits = run(() -> queries.search(filter.withText(null), occurrenceLimit));
        List<Occurrence> occurrences = hits.hits().stream()
                .map(t -> new Occurrence(t.firstId(), t.timestamp(), t.host(), t.program()))
                .toList();
        long seenBefore = queries.reflection(g.representativeFirstId(), 0).map(r -> r.count()).orElse(0L);
        List<HistoryPoint> points = history.buckets().stream().map(b -> new HistoryPoint(b.start(), b.count())).toList();
        List<Long> timeline = points.stream().map(HistoryPoint::count).toList();
        return Optional.of(new GroupDetail(row(g, timeline), occurrences, points,
                Duration.ofMillis(size.millis()), seenBefore));
    }

    @Override
    public Optional<Traceback> occurrence(long id) {
        return queries.occurrence(id);
    }

    @Override
    public Facets facets() {
        return facets(queries.groups(StoreFilter.ALL, GroupSort.COUNT, ALL_GROUPS));
    }

    @Override
    public FacetsAndGroups facetsAndGroups(Function<Facets, GroupQuery> queryFor, int limit)
            throws InvalidQueryException {
        GroupList all = queries.groups(StoreFilter.ALL, GroupSort.COUNT, ALL_GROUPS);
        Facets facets = facets(all);
        GroupQuery query = queryFor.apply(facets);
        if (!query.equals(GroupQuery.ALL)) {
            return new FacetsAndGroups(facets, query, groups(query, limit));
        }
        // Unfiltered: the same grouping, in the same order, as the facets came from.
        List<GroupSummary> first = all.groups().subList(0, Math.min(limit, all.groups().size()));
        GroupList list = new GroupList(all.totalOccurrences(), all.totalGroups(), first);
        return new FacetsAndGroups(facets, query, rows(list, query, StoreFilter.ALL));
    }

    private static Facets facets(GroupList all) {
        TreeSet<String> hosts = new TreeSet<>();
        TreeSet<String> programs = new TreeSet<>();
        TreeSet<String> types = new TreeSet<>();
        Instant first = null;
        Instant last = null;
        for (GroupSummary g : all.groups()) {
            hosts.addAll(g.hosts());
            programs.addAll(g.programs());
            if (g.exceptionType() != null && !g.exceptionType().isEmpty()) {
                types.add(g.exceptionType());
            }
            first = first == null || g.firstSeen().isBefore(first) ? g.firstSeen() : first;
            last = last == null || g.lastSeen().isAfter(last) ? g.lastSeen() : last;
        }
        return new Facets(List.copyOf(hosts), List.copyOf(programs), List.copyOf(types), first, last,
                all.totalOccurrences());
    }

    @Override
    public long export(ExportRequest request, Path target, ExportListener listener)
            throws InvalidQueryException, IOException {
        StoreFilter filter = filter(request.query());
        StoreReportSource source = run(() -> {
            if (filter.hasText()) {
                queries.validate(filter.text());
            }
            return new StoreReportSource(queries, filter, request.fingerprints(), request.occurrences());
        });
        boolean picked = !request.fingerprints().isEmpty();
        ReportExporter exporter = new ReportExporter(clock);
        ReportHeader header = exporter.header(request.title(), StoreReportSource.describe(filter, request.fingerprints()),
                filter.since(), filter.until(), source.history(picked));
        Iterator<ReportGroup> groups = source.groups();
        long total = source.groupCount();
        Iterator<ReportGroup> watched = new Iterator<>() {
            private long written;
            private long reported;

            @Override
            public boolean hasNext() {
                if (written > reported) {
                    reported = written;
                    listener.onGroupWritten(written, total); // the previous group is written by now
                }
                if (listener.isCancelled()) {
                    throw new CancellationException("export cancelled");
                }
                return groups.hasNext();
            }

            @Override
            public ReportGroup next() {
                written++;
                return groups.next();
            }
        };
        // A CSV lists occurrences; with none to list, a row per group says more than a bare header.
        CsvReportWriter.By csvBy = request.occurrences() == 0 ? CsvReportWriter.By.GROUP : CsvReportWriter.By.OCCURRENCE;
        return exporter.exportTo(target, request.format(), csvBy, header, watched);
    }

    @Override
    public Optional<String> groupMarkdown(String fingerprint, long occurrenceId, GroupQuery query, int occurrences,
                                          boolean jira) throws InvalidQueryException {
        StoreFilter filter = filter(query);
        GroupList one = run(() -> queries.groups(filter.withFingerprint(fingerprint), GroupSort.COUNT, 1));
        if (one.groups().isEmpty()) {
            return Optional.empty();
        }
        ReportGroup group = StoreReportSource.group(queries, filter, fingerprint, occurrences);
        // The occurrence the user is looking at is the one the issue shows in full.
        Traceback shown = queries.occurrence(occurrenceId).filter(t -> t.fingerprint().equals(fingerprint))
                .orElse(group.representative());
        ReportGroup withShown = new ReportGroup(group.fingerprint(), group.exceptionType(), shown.message(),
                group.count(), group.firstSeen(), group.lastSeen(), group.hosts(), group.programs(), shown,
                group.occurrences(), group.history());
        return Optional.of(MarkdownReportWriter.toMarkdown(withShown,
                jira ? MarkdownReportWriter.Flavor.JIRA : MarkdownReportWriter.Flavor.GITHUB));
    }

    @Override
    public ImportOutcome importArchives(List<Path> paths, int contextRows, ImportListener listener) {
        var result = new StoreImporter(store, contextRows).importPaths(paths, new dev.tracelens.store.ImportListener() {
            @Override
            public void onSkipped(ArchiveRecord archive) {
                listener.onArchiveSkipped(archive.name());
            }

            @Override
            public void onImported(ArchiveRecord archive) {
                listener.onArchiveCommitted(archive.name(), archive.rows(), archive.badRows(), archive.complete());
            }

            @Override
            public void onProblem(Problem problem) {
                listener.onProblem(problem);
            }

            @Override
            public void onProgress(String archive, long fileBytesRead, long fileSize, long rows, long tracebacks) {
                listener.onProgress(archive, fileBytesRead, fileSize, rows, tracebacks);
            }
        });
        return new ImportOutcome(result.imported().size(), result.skipped().size(), result.rows(), result.badRows(),
                result.tracebacksWritten());
    }

    @Override
    public void showUncommitted() {
        store.refresh();
    }

    @Override
    public void clear() {
        new StoreRetention(store).clear();
    }

    @Override
    public void close() {
        store.close();
    }

    private static StoreFilter filter(GroupQuery q) {
        return new StoreFilter(q.since(), q.until(), one(q.host()), one(q.program()), one(q.type()), null,
                q.text().isEmpty() ? null : q.text());
    }

    private static List<String> one(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private interface StoreCall<T> {
        T get();
    }

    /** Turns the store's query errors into the one exception the search field shows. */
    private static <T> T run(StoreCall<T> call) throws InvalidQueryException {
        try {
            return call.get();
        } catch (QuerySyntaxException e) {
            throw new InvalidQueryException(e.getMessage(), e);
        } catch (NoSearchableWordsException e) {
            throw new InvalidQueryException(e.getMessage(), e);
        }
    }
}
