package dev.tracelens.engine;

import dev.tracelens.store.HistoryBucket;
import dev.tracelens.report.TimeBins;
import dev.tracelens.store.BucketSize;
import dev.tracelens.store.GroupList;
import dev.tracelens.store.GroupSort;
import dev.tracelens.store.GroupSummary;
import dev.tracelens.store.History;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ImportResult;
import dev.tracelens.store.NoSearchableWordsException;
import dev.tracelens.store.QuerySyntaxException;
import dev.tracelens.store.SearchResult;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.Traceback;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The app's view of the store: maps {@link TracebackLibrary} onto a {@link TracebackIndex}, with
 * imports through {@link ImportService} and reports through {@link ExportService}, the services
 * the command line uses too.
 */
public final class StoreLibrary implements TracebackLibrary {
    /** Slices of the small bar in the groups table. */
    static final int TIMELINE_SLICES = 24;
    /** Rows of the table that get a timeline; each costs a query, and nobody scrolls past these. */
    static final int TIMELINE_ROWS = 200;
    private static final int ALL_GROUPS = 100_000;

    private final TracebackIndex queries;
    private final ExportService exports;
    /** The ticket index beside the store, read per call (a sync may run in another process); null for none. */
    private final Path ticketDir;
    /** The store's folder (the live spool sits beside it); null when not known. */
    private Path storeDir;
    private final TriageBook triage;
    private final Clock clock;

    /** A library whose triage decisions live in memory only. */
    public StoreLibrary(TracebackIndex store) {
        this(store, Clock.systemUTC());
    }

    /** @param clock stamps exported reports ("made at") and triage decisions */
    public StoreLibrary(TracebackIndex store, Clock clock) {
        this(store, clock, null, TriageBook.inMemory());
    }

    /** With the triage decisions of {@code triage} and no ticket index. */
    public StoreLibrary(TracebackIndex store, Clock clock, TriageBook triage) {
        this(store, clock, null, triage);
    }

    /**
     * @param ticketDir the ticket index whose matches the groups and details show; null for none
     * @param triage    where the triage decisions are kept
     */
    public StoreLibrary(TracebackIndex store, Clock clock, Path ticketDir, TriageBook triage) {
        this.queries = store;
        this.exports = new ExportService(store, clock);
        this.ticketDir = ticketDir;
        this.clock = clock;
        this.triage = triage;
    }

    /** Opens (creating if needed) the store in {@code dir}, for reading and writing, with the ticket index and the triage decisions beside it. */
    public static StoreLibrary open(Path dir) {
        StoreLibrary library = new StoreLibrary(Stores.open(dir), Clock.systemUTC(), TicketService.defaultIndex(dir),
                Stores.triage(dir));
        library.storeDir = dir;
        return library;
    }

    @Override
    public LiveSession startLive(String addresses, int contextRows, dev.tracelens.traceback.TraceOptions tracing,
                                 java.util.function.Consumer<String> errors) throws java.io.IOException {
        if (storeDir == null) {
            throw new UnsupportedOperationException("the store's folder is not known, so there is no spool for live rows");
        }
        return LiveSession.start(queries, storeDir, addresses, contextRows, tracing, errors);
    }

    @Override
    public java.util.Optional<GroupingService> grouping() {
        return queries.readOnly() ? java.util.Optional.empty() : java.util.Optional.of(new GroupingService(queries));
    }

    private boolean hasTickets() {
        return ticketDir != null && java.nio.file.Files.isDirectory(ticketDir);
    }

    @Override
    public java.util.List<dev.tracelens.tickets.TicketMatch> tickets(String fingerprint) {
        if (!hasTickets()) {
            return java.util.List.of();
        }
        Optional<Traceback> rep = queries.latest(fingerprint);
        if (rep.isEmpty()) {
            return java.util.List.of();
        }
        try (dev.tracelens.tickets.TicketIndex index = TicketService.openReadOnly(ticketDir)) {
            return TicketService.matches(index, rep.get(), TicketService.MAX_MATCHES);
        }
    }

    @Override
    public List<GroupRow> groups(GroupQuery query, int limit) throws InvalidQueryException {
        StoreFilter filter = filter(query);
        if (query.triage() == TriageFilter.ANY) {
            return rows(run(() -> queries.groups(filter, GroupSort.COUNT, limit)), query, filter);
        }
        // The store does not know the decisions: every group under the filter, then those in the state.
        GroupList all = run(() -> queries.groups(filter, GroupSort.COUNT, ALL_GROUPS));
        java.util.Map<String, Triage> book = triage.all();
        Instant now = clock.instant();
        List<GroupSummary> kept = all.groups().stream()
                .filter(g -> query.triage().accepts(TriageBook.Shown.of(book.get(g.fingerprint()), g.lastSeen(), now)))
                .limit(limit).toList();
        return rows(new GroupList(all.totalOccurrences(), kept.size(), kept), query, filter);
    }

    @Override
    public Optional<Triage> triage(String fingerprint) {
        return triage.get(fingerprint);
    }

    @Override
    public Triage setTriage(String fingerprint, Triage.Status status, Instant mutedUntil) {
        Instant now = clock.instant();
        Triage t = switch (status) {
            case OPEN -> Triage.open(fingerprint, now);
            case IGNORED -> Triage.ignored(fingerprint, now);
            case MUTED -> Triage.muted(fingerprint, now, mutedUntil);
            case RESOLVED -> {
                // Resolved through the newest occurrence stored now: a later one is a regression.
                GroupList g = queries.groups(StoreFilter.ALL.withFingerprint(fingerprint), GroupSort.COUNT, 1);
                yield Triage.resolved(fingerprint, now, g.groups().isEmpty() ? now : g.groups().getFirst().lastSeen());
            }
        };
        triage.set(t);
        return t;
    }

    /** The table's rows for these groups, the first {@link #TIMELINE_ROWS} with their timeline. */
    private List<GroupRow> rows(GroupList list, GroupQuery query, StoreFilter filter) {
        List<GroupRow> rows = new ArrayList<>(list.groups().size());
        dev.tracelens.tickets.TicketIndex tickets = hasTickets() ? TicketService.openReadOnly(ticketDir) : null;
        java.util.Map<String, Triage> book = triage.all();
        Instant now = clock.instant();
        try {
            for (int i = 0; i < list.groups().size(); i++) {
                GroupSummary g = list.groups().get(i);
                List<Long> timeline = i < TIMELINE_ROWS ? timeline(g, filter, query.since(), query.until()) : List.of();
                rows.add(row(g, timeline, tickets == null ? 0 : ticketCount(tickets, g))
                        .withTriage(TriageBook.Shown.of(book.get(g.fingerprint()), g.lastSeen(), now)));
            }
        } finally {
            if (tickets != null) {
                tickets.close();
            }
        }
        return rows;
    }

    /**
     * A group's sparkline: at most {@link #TIMELINE_SLICES} bars over its own first to last
     * occurrence (or the time filter's range when set), long empty stretches as a break ({@code
     * -1}), so a group seen in two distant years is not two slivers at the ends.
     */
    private List<Long> timeline(GroupSummary g, StoreFilter filter, Instant since, Instant until) {
        Instant from = since != null ? since : g.firstSeen();
        Instant to = until != null ? until : g.lastSeen().plusMillis(1);
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        BucketSize size = span > Duration.ofDays(4).toMillis() ? BucketSize.DAY : BucketSize.HOUR;
        History h = queries.history(g.fingerprint(), filter, size);
        return TimeBins.of(h.buckets(), Duration.ofMillis(size.millis()), since, until, TIMELINE_SLICES).stream()
                .map(b -> b.gap() ? -1L : b.count()).toList();
    }

    private static GroupRow row(GroupSummary g, List<Long> timeline) {
        return row(g, timeline, 0);
    }

    private static GroupRow row(GroupSummary g, List<Long> timeline, int tickets) {
        return new GroupRow(g.fingerprint(), g.exceptionType(), g.messageSample(), g.count(), g.hosts(), g.programs(),
                g.firstSeen(), g.lastSeen(), timeline, tickets);
    }

    /** The tickets matching the group's representative (the traceback the group is shown by). */
    private int ticketCount(dev.tracelens.tickets.TicketIndex tickets, GroupSummary g) {
        return queries.occurrence(g.representativeFirstId())
                .map(t -> TicketService.matches(tickets, t, TicketService.MAX_MATCHES).size()).orElse(0);
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
        List<HistoryBucket> points = history.buckets();
        List<Long> timeline = points.stream().map(HistoryBucket::count).toList();
        Instant before = query.since() != null ? query.since() : g.firstSeen();
        List<dev.tracelens.tickets.TicketMatch> tickets = List.of();
        if (hasTickets()) {
            // the representative, as the table's count is made
            try (dev.tracelens.tickets.TicketIndex index = TicketService.openReadOnly(ticketDir)) {
                tickets = queries.occurrence(g.representativeFirstId())
                        .map(t -> TicketService.matches(index, t, TicketService.MAX_MATCHES)).orElse(List.of());
            }
        }
        GroupRow shown = row(g, timeline, tickets.size()).withTriage(TriageBook.Shown.of(triage.all().get(fingerprint),
                g.lastSeen(), clock.instant()));
        return Optional.of(new GroupDetail(shown, occurrences, points,
                Duration.ofMillis(size.millis()), seenBefore, sameTextBefore(g.representativeFirstId(), before), before,
                tickets));
    }

    /**
     * How many stored tracebacks, in any group and on any host, hold the representative's whole
     * filtered text (as {@code reflection} counts them) and are older than {@code before}: the
     * phrase of its analyzed tokens, searched with the time range ending there. -1 when the text
     * cannot be searched that way.
     */
    private long sameTextBefore(long representativeFirstId, Instant before) {
        try {
            Optional<Traceback> rep = queries.occurrence(representativeFirstId);
            List<String> tokens = rep.map(t -> TextAnalysis.tokens(t.text() == null ? "" : t.text())).orElse(List.of());
            if (tokens.isEmpty()) {
                return 0;
            }
            StringBuilder phrase = new StringBuilder("\"");
            for (String t : tokens) {
                phrase.append(phrase.length() > 1 ? " " : "").append(t.replace("\\", "\\\\").replace("\"", "\\\""));
            }
            phrase.append('"');
            return queries.search(StoreFilter.ALL.withTime(null, before).withText(phrase.toString()), 1).total();
        } catch (RuntimeException e) {
            return -1; // a text the query syntax cannot hold; the all-time count still shows
        }
    }

    @Override
    public List<String> otherCasings(String word, int max) {
        return queries.otherCasings(word, max);
    }

    @Override
    public Optional<Traceback> occurrence(long id) {
        return queries.occurrence(id);
    }

    @Override
    public Facets facets() {
        return facets(queries.groups(StoreFilter.ALL, GroupSort.COUNT, ALL_GROUPS), queries.languages());
    }

    @Override
    public List<dev.tracelens.store.ArchiveRecord> archives() {
        return queries.archives();
    }

    @Override
    public long removeArchive(String name) {
        return queries.removeArchive(name);
    }

    @Override
    public FacetsAndGroups facetsAndGroups(Function<Facets, GroupQuery> queryFor, int limit)
            throws InvalidQueryException {
        GroupList all = queries.groups(StoreFilter.ALL, GroupSort.COUNT, ALL_GROUPS);
        Facets facets = facets(all, queries.languages());
        GroupQuery query = queryFor.apply(facets);
        if (!query.equals(GroupQuery.ALL)) {
            return new FacetsAndGroups(facets, query, groups(query, limit));
        }
        // Unfiltered: the same grouping, in the same order, as the facets came from.
        List<GroupSummary> first = all.groups().subList(0, Math.min(limit, all.groups().size()));
        GroupList list = new GroupList(all.totalOccurrences(), all.totalGroups(), first);
        return new FacetsAndGroups(facets, query, rows(list, query, StoreFilter.ALL));
    }

    /** Values of a filter counted one query each; beyond these the list shows values without counts. */
    static final int COUNTED_VALUES = 300;

    private Facets facets(GroupList all, List<String> languages) {
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
        java.util.Map<String, Long> typeCounts = new java.util.HashMap<>();
        for (GroupSummary g : all.groups()) {
            if (g.exceptionType() != null && !g.exceptionType().isEmpty()) {
                typeCounts.merge(g.exceptionType(), g.count(), Long::sum);
            }
        }
        java.util.Map<String, java.util.Map<String, Long>> counts = java.util.Map.of(
                Facets.HOST, counted(hosts, h -> StoreFilter.ALL.withHosts(List.of(h))),
                Facets.PROGRAM, counted(programs, p -> StoreFilter.ALL.withPrograms(List.of(p))),
                Facets.TYPE, typeCounts,
                Facets.LANGUAGE, counted(languages, l -> StoreFilter.ALL.withLanguages(List.of(l))));
        return new Facets(List.copyOf(hosts), List.copyOf(programs), List.copyOf(types), first, last,
                all.totalOccurrences(), languages, counts);
    }

    /** Stored tracebacks per value, for the first {@link #COUNTED_VALUES} values. */
    private java.util.Map<String, Long> counted(java.util.Collection<String> values,
                                                Function<String, StoreFilter> filterFor) {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        for (String v : values) {
            if (out.size() >= COUNTED_VALUES) {
                break;
            }
            out.put(v, queries.count(filterFor.apply(v)));
        }
        return out;
    }

    @Override
    public long export(ExportRequest request, Path target, ExportListener listener)
            throws InvalidQueryException, IOException {
        try {
            return exports.export(request, target, listener);
        } catch (QuerySyntaxException | NoSearchableWordsException e) {
            throw new InvalidQueryException(e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> groupMarkdown(String fingerprint, long occurrenceId, GroupQuery query, int occurrences,
                                          boolean jira) throws InvalidQueryException {
        StoreFilter filter = query.toFilter();
        return run(() -> exports.groupMarkdown(fingerprint, occurrenceId, filter, occurrences, jira));
    }

    @Override
    public ImportResult importArchives(List<Path> paths, int contextRows, dev.tracelens.archive.ReaderOptions reading,
                                       dev.tracelens.traceback.TraceOptions tracing, ImportListener listener) {
        return new ImportService(queries, contextRows, reading, tracing).importPaths(paths, listener);
    }

    @Override
    public void showUncommitted() {
        queries.refresh();
    }

    @Override
    public void clear() {
        queries.clear();
    }

    @Override
    public void close() {
        queries.close();
    }

    private static StoreFilter filter(GroupQuery q) {
        return q.toFilter();
    }

    private interface StoreCall<T> {
        T get();
    }

    /** Turns the store's query errors into the one exception the search field shows. */
    private static <T> T run(StoreCall<T> call) throws InvalidQueryException {
        try {
            return call.get();
        } catch (QuerySyntaxException e) {
            throw new InvalidQueryException(e.getMessage(), e.query(), e.column(), e.reason(), e);
        } catch (NoSearchableWordsException e) {
            throw new InvalidQueryException(e.getMessage(), e);
        }
    }
}
