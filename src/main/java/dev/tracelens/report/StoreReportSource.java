package dev.tracelens.report;

import dev.tracelens.store.BucketSize;
import dev.tracelens.store.GroupList;
import dev.tracelens.store.GroupSort;
import dev.tracelens.store.GroupSummary;
import dev.tracelens.store.History;
import dev.tracelens.store.HistoryBucket;
import dev.tracelens.store.StoreException;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.Traceback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A report's content from the store: the groups under a filter (all of them, or the ones the
 * user picked), most frequent first. Only the small group summaries are listed up front; a
 * group's representative traceback with its context, its listed occurrences and its history
 * are read from the store when the writer asks for that group, and dropped after it.
 */
public final class StoreReportSource {
    /** Up to this range, history is counted per hour; beyond it, per day. */
    static final Duration HOURLY_UP_TO = Duration.ofDays(7);

    private final TracebackIndex queries;
    private final StoreFilter filter;
    private final int occurrences;
    private final List<GroupSummary> summaries;
    private final BucketSize bucket;
    /** The picked groups' histories, read for the header's chart and kept for their own sections. */
    private final Map<String, History> pickedHistories = new java.util.HashMap<>();

    /**
     * @param fingerprints the groups to report (in any order; reported most frequent first), or
     *                     empty for every group under the filter
     * @param occurrences  how many occurrences to list per group (newest first); 0 for none
     * @throws StoreException when a requested fingerprint has no occurrence under the filter
     */
    public StoreReportSource(TracebackIndex queries, StoreFilter filter, List<String> fingerprints, int occurrences) {
        this(queries, filter, fingerprints, occurrences, 0);
    }

    /**
     * As above, reporting only the {@code limit} most frequent groups (0 for all of them): {@code
     * export --limit 10}, the top ten.
     */
    public StoreReportSource(TracebackIndex queries, StoreFilter filter, List<String> fingerprints, int occurrences,
                             int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, not " + limit);
        }
        if (occurrences < 0) {
            throw new IllegalArgumentException("occurrences must be 0 or more, not " + occurrences);
        }
        this.queries = queries;
        this.filter = filter;
        this.occurrences = occurrences;
        List<GroupSummary> chosen = fingerprints.isEmpty()
                ? queries.groups(filter, GroupSort.COUNT, limit == 0 ? Integer.MAX_VALUE : limit).groups()
                : picked(queries, filter, fingerprints);
        this.summaries = limit > 0 && chosen.size() > limit ? chosen.subList(0, limit) : chosen;
        this.bucket = bucketFor(filter, summaries);
    }

    private static List<GroupSummary> picked(TracebackIndex queries, StoreFilter filter, List<String> fingerprints) {
        Map<String, GroupSummary> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String fp : fingerprints) {
            if (found.containsKey(fp)) {
                continue;
            }
            GroupList one = queries.groups(filter.withFingerprint(fp), GroupSort.COUNT, 1);
            if (one.groups().isEmpty()) {
                missing.add(fp);
            } else {
                found.put(fp, one.groups().getFirst());
            }
        }
        if (!missing.isEmpty()) {
            throw new StoreException("No occurrence of group " + String.join(", ", missing) + " matches the filter");
        }
        List<GroupSummary> sorted = new ArrayList<>(found.values());
        sorted.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count())
                : a.lastSeen().equals(b.lastSeen()) ? a.fingerprint().compareTo(b.fingerprint())
                : b.lastSeen().compareTo(a.lastSeen()));
        return sorted;
    }

    /** Hours for a week or less (from the filter's range, else from the groups' first and last seen), days beyond. */
    static BucketSize bucketFor(StoreFilter filter, List<GroupSummary> groups) {
        Instant from = filter.since();
        Instant to = filter.until();
        for (GroupSummary g : groups) {
            if (filter.since() == null && (from == null || g.firstSeen().isBefore(from))) {
                from = g.firstSeen();
            }
            if (filter.until() == null && (to == null || g.lastSeen().isAfter(to))) {
                to = g.lastSeen();
            }
        }
        if (from == null || to == null) {
            return BucketSize.HOUR;
        }
        return Duration.between(from, to).compareTo(HOURLY_UP_TO) <= 0 ? BucketSize.HOUR : BucketSize.DAY;
    }

    /**
     * One group under the filter, ready for {@link MarkdownReportWriter#toMarkdown} (the app's
     * "Copy as Markdown").
     *
     * @throws StoreException when the group has no occurrence under the filter
     */
    public static ReportGroup group(TracebackIndex queries, StoreFilter filter, String fingerprint, int occurrences) {
        return new StoreReportSource(queries, filter, List.of(fingerprint), occurrences).groups().next();
    }

    public int groupCount() {
        return summaries.size();
    }

    /** Occurrences over time of everything reported (summed over the picked groups when some were picked). */
    public ReportHistory history(boolean picked) {
        if (!picked) {
            return convert(queries.history(null, filter, bucket));
        }
        Map<Instant, Long> sum = new java.util.TreeMap<>();
        for (GroupSummary g : summaries) {
            History h = queries.history(g.fingerprint(), filter, bucket);
            pickedHistories.put(g.fingerprint(), h); // each group's section shows it again
            for (HistoryBucket b : h.buckets()) {
                if (b.count() > 0) {
                    sum.merge(b.start(), b.count(), Long::sum);
                }
            }
        }
        List<HistoryBucket> buckets = new ArrayList<>(sum.size());
        sum.forEach((start, count) -> buckets.add(new HistoryBucket(start, count)));
        return new ReportHistory(Duration.ofMillis(bucket.millis()), buckets);
    }

    /** The groups, each read from the store only when asked for. */
    public Iterator<ReportGroup> groups() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < summaries.size();
            }

            @Override
            public ReportGroup next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return load(summaries.get(next++));
            }
        };
    }

    private ReportGroup load(GroupSummary g) {
        Traceback rep = queries.occurrence(g.representativeFirstId())
                .or(() -> queries.latest(g.fingerprint()))
                .orElseThrow(() -> new StoreException("Group " + g.fingerprint() + " has no stored occurrence any more"
                        + " (was the store pruned during the export?)"));
        StoreFilter group = filter.withFingerprint(g.fingerprint());
        History known = pickedHistories.remove(g.fingerprint());
        History history = known != null ? known : queries.history(g.fingerprint(), filter, bucket);
        List<Traceback> listed = occurrences == 0 ? List.of() : queries.search(group, occurrences).hits();
        return new ReportGroup(g.fingerprint(), g.exceptionType(), rep.message(), g.count(), g.firstSeen(), g.lastSeen(),
                g.hosts(), g.programs(), rep, listed, convert(history));
    }

    /** Without its empty buckets: a month of hours is 720 buckets per group, mostly zero. */
    private static ReportHistory convert(History history) {
        List<HistoryBucket> buckets = history.buckets().stream().filter(b -> b.count() > 0).toList();
        return new ReportHistory(Duration.ofMillis(history.bucketSize().millis()), buckets);
    }

    /** The filter in words for a report's header (the time range is shown on its own). */
    public static String describe(StoreFilter filter, List<String> fingerprints) {
        List<String> parts = new ArrayList<>();
        if (!filter.hosts().isEmpty()) {
            parts.add("host=" + String.join(",", filter.hosts()));
        }
        if (!filter.programs().isEmpty()) {
            parts.add("program=" + String.join(",", filter.programs()));
        }
        if (!filter.types().isEmpty()) {
            parts.add("type=" + String.join(",", filter.types()));
        }
        if (filter.fingerprint() != null) {
            parts.add("group=" + filter.fingerprint());
        }
        if (!fingerprints.isEmpty()) {
            parts.add("groups=" + String.join(",", fingerprints));
        }
        if (filter.hasText()) {
            parts.add("query=" + filter.text());
        }
        return String.join(" ", parts);
    }
}
