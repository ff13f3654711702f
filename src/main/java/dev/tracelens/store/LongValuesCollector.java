package dev.tracelens.store;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;

/** Collects one numeric doc-values field of every match (times for histories, ids for reflections). */
final class LongValuesCollector implements Collector {
    private final String field;
    private long[] values = new long[64];
    private int size;

    private LongValuesCollector(String field) {
        this.field = field;
    }

    /** All values of {@code field} over the matches, in no particular order. */
    static CollectorManager<LongValuesCollector, long[]> of(String field) {
        return new CollectorManager<>() {
            @Override
            public LongValuesCollector newCollector() {
                return new LongValuesCollector(field);
            }

            @Override
            public long[] reduce(Collection<LongValuesCollector> collectors) {
                int total = collectors.stream().mapToInt(c -> c.size).sum();
                long[] all = new long[total];
                int at = 0;
                for (LongValuesCollector c : collectors) {
                    System.arraycopy(c.values, 0, all, at, c.size);
                    at += c.size;
                }
                return all;
            }
        };
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        NumericDocValues dv = DocValues.getNumeric(context.reader(), field);
        return new LeafCollector() {
            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) throws IOException {
                if (dv.advanceExact(doc)) {
                    if (size == values.length) {
                        values = Arrays.copyOf(values, size * 2);
                    }
                    values[size++] = dv.longValue();
                }
            }
        };
    }
}
