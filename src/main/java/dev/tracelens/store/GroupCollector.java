package dev.tracelens.store;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aggregates matching occurrences into groups straight from doc values (no stored fields are
 * read), per segment by ordinal, merging segments by fingerprint at the end of each.
 */
final class GroupCollector implements Collector {

    /** One group's running totals. The representative is the latest occurrence. */
    static final class Group {
        final String fingerprint;
        long count;
        long firstSeen = Long.MAX_VALUE;
        long lastSeen = Long.MIN_VALUE;
        long repFirstId = Long.MIN_VALUE;
        int repLeaf = -1;
        int repDoc = -1;
        String exceptionType = "";
        final Set<String> hosts = new HashSet<>();
        final Set<String> programs = new HashSet<>();

        Group(String fingerprint) {
            this.fingerprint = fingerprint;
        }

        boolean laterThanRep(long time, long firstId) {
            return time > lastSeen || (time == lastSeen && firstId > repFirstId);
        }

        void merge(Group other) {
            count += other.count;
            firstSeen = Math.min(firstSeen, other.firstSeen);
            if (laterThanRep(other.lastSeen, other.repFirstId)) {
                lastSeen = other.lastSeen;
                repFirstId = other.repFirstId;
                repLeaf = other.repLeaf;
                repDoc = other.repDoc;
                exceptionType = other.exceptionType;
            }
            hosts.addAll(other.hosts);
            programs.addAll(other.programs);
        }
    }

    static CollectorManager<GroupCollector, Map<String, Group>> manager() {
        return new CollectorManager<>() {
            @Override
            public GroupCollector newCollector() {
                return new GroupCollector();
            }

            @Override
            public Map<String, Group> reduce(Collection<GroupCollector> collectors) {
                Map<String, Group> all = new HashMap<>();
                for (GroupCollector c : collectors) {
                    for (Group g : c.groups.values()) {
                        Group mine = all.putIfAbsent(g.fingerprint, g);
                        if (mine != null) {
                            mine.merge(g);
                        }
                    }
                }
                return all;
            }
        };
    }

    private final Map<String, Group> groups = new HashMap<>();

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        return new Leaf(context);
    }

    private final class Leaf implements LeafCollector {
        private final int leaf;
        private final SortedDocValues fingerprints;
        private final SortedDocValues types;
        private final SortedDocValues hosts;
        private final SortedDocValues programs;
        private final NumericDocValues times;
        private final NumericDocValues firstIds;
        private final long[] count;
        private final long[] firstSeen;
        private final long[] lastSeen;
        private final long[] repFirstId;
        private final int[] repDoc;
        private final int[] repType;
        private final List<Integer> touched = new ArrayList<>();
        private final PairSet hostPairs = new PairSet();
        private final PairSet programPairs = new PairSet();

        Leaf(LeafReaderContext context) throws IOException {
            leaf = context.ord;
            fingerprints = DocValues.getSorted(context.reader(), StoreSchema.FINGERPRINT);
            types = DocValues.getSorted(context.reader(), StoreSchema.EXCEPTION_TYPE);
            hosts = DocValues.getSorted(context.reader(), StoreSchema.HOST);
            programs = DocValues.getSorted(context.reader(), StoreSchema.PROGRAM);
            times = DocValues.getNumeric(context.reader(), StoreSchema.TIME);
            firstIds = DocValues.getNumeric(context.reader(), StoreSchema.FIRST_ID);
            int n = fingerprints.getValueCount();
            count = new long[n];
            firstSeen = new long[n];
            lastSeen = new long[n];
            repFirstId = new long[n];
            repDoc = new int[n];
            repType = new int[n];
        }

        @Override
        public void setScorer(Scorable scorer) {
        }

        @Override
        public void collect(int doc) throws IOException {
            if (!fingerprints.advanceExact(doc)) {
                return;
            }
            int o = fingerprints.ordValue();
            long t = times.advanceExact(doc) ? times.longValue() : 0;
            long id = firstIds.advanceExact(doc) ? firstIds.longValue() : 0;
            if (count[o]++ == 0) {
                touched.add(o);
                firstSeen[o] = t;
                setRep(o, doc, t, id);
            } else {
                firstSeen[o] = Math.min(firstSeen[o], t);
                if (t > lastSeen[o] || (t == lastSeen[o] && id > repFirstId[o])) {
                    setRep(o, doc, t, id);
                }
            }
            if (hosts.advanceExact(doc)) {
                hostPairs.add(PairSet.pair(o, hosts.ordValue()));
            }
            if (programs.advanceExact(doc)) {
                programPairs.add(PairSet.pair(o, programs.ordValue()));
            }
        }

        private void setRep(int o, int doc, long t, long id) throws IOException {
            lastSeen[o] = t;
            repFirstId[o] = id;
            repDoc[o] = doc;
            repType[o] = types.advanceExact(doc) ? types.ordValue() : -1;
        }

        @Override
        public void finish() throws IOException {
            Group[] byOrd = new Group[count.length];
            for (int o : touched) {
                Group g = new Group(fingerprints.lookupOrd(o).utf8ToString());
                g.count = count[o];
                g.firstSeen = firstSeen[o];
                g.lastSeen = lastSeen[o];
                g.repFirstId = repFirstId[o];
                g.repLeaf = leaf;
                g.repDoc = repDoc[o];
                g.exceptionType = repType[o] < 0 ? "" : types.lookupOrd(repType[o]).utf8ToString();
                byOrd[o] = g;
            }
            addNames(hostPairs, hosts, byOrd, true);
            addNames(programPairs, programs, byOrd, false);
            for (int o : touched) {
                Group mine = groups.putIfAbsent(byOrd[o].fingerprint, byOrd[o]);
                if (mine != null) {
                    mine.merge(byOrd[o]);
                }
            }
        }

        private static void addNames(PairSet pairs, SortedDocValues names, Group[] byOrd, boolean host)
                throws IOException {
            String[] cache = new String[names.getValueCount()];
            try {
                pairs.forEach(pair -> {
                    int group = (int) (pair >>> 32);
                    int name = (int) pair;
                    if (cache[name] == null) {
                        try {
                            cache[name] = names.lookupOrd(name).utf8ToString();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    (host ? byOrd[group].hosts : byOrd[group].programs).add(cache[name]);
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
