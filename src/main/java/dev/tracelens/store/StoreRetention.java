package dev.tracelens.store;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.time.Instant;

/**
 * Retention: deletes occurrences older than a date and reclaims their space. The archive registry
 * is kept, so a later import of the same (unchanged) archives does not bring them back. {@link
 * #clear()} empties the store instead, registry included.
 */
public final class StoreRetention {
    private final TracebackStore store;

    public StoreRetention(TracebackStore store) {
        this.store = store;
    }

    /** Deletes every occurrence whose header row is before {@code before}; returns how many. */
    public long prune(Instant before) {
        Query old = new BooleanQuery.Builder()
                .add(StoreQueryBuilder.tracebacks(), BooleanClause.Occur.FILTER)
                .add(LongPoint.newRangeQuery(StoreSchema.TIME, Long.MIN_VALUE, before.toEpochMilli() - 1),
                        BooleanClause.Occur.FILTER)
                .build();
        return delete(old, StoreQueryBuilder.tracebacks());
    }

    /**
     * Empties the store: every occurrence and the archive registry, so that importing the same
     * archives again brings their tracebacks back (what "remove sample data" means to a user).
     * Returns how many occurrences were deleted.
     */
    public long clear() {
        return delete(new MatchAllDocsQuery(), StoreQueryBuilder.tracebacks());
    }

    /**
     * Forgets one imported archive: deletes the tracebacks whose header row is in it and its
     * registry record, so the store is as if it had never been imported (importing it again
     * brings its tracebacks back). Returns how many tracebacks were deleted, or -1 when no
     * archive of that name is registered.
     */
    public long removeArchive(String name) {
        Query record = new org.apache.lucene.search.TermQuery(ArchiveRegistry.key(name));
        Query itsTracebacks = new BooleanQuery.Builder()
                .add(StoreQueryBuilder.tracebacks(), BooleanClause.Occur.FILTER)
                .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(StoreSchema.ARCHIVE, name)),
                        BooleanClause.Occur.FILTER)
                .build();
        synchronized (store.writeLock()) {
            try {
                if (store.search(s -> s.count(record)) == 0) {
                    return -1;
                }
                long count = store.search(s -> (long) s.count(itsTracebacks));
                IndexWriter writer = store.writer();
                writer.deleteDocuments(itsTracebacks, record);
                store.commit();
                writer.forceMergeDeletes(true);
                store.commit();
                return count;
            } catch (IOException e) {
                store.rollbackToLastCommit();
                throw new StoreException("Removing the archive " + name + " from the store at " + store.path()
                        + " failed: " + TracebackStore.describe(e), e);
            }
        }
    }

    /** Deletes what {@code what} matches, reclaiming space; returns how many {@code counted} it deleted. */
    private long delete(Query what, Query counted) {
        Query old = new BooleanQuery.Builder()
                .add(what, BooleanClause.Occur.FILTER)
                .add(counted, BooleanClause.Occur.FILTER)
                .build();
        synchronized (store.writeLock()) {
            try {
                long count = store.search(s -> (long) s.count(old));
                if (count == 0) {
                    return 0;
                }
                IndexWriter writer = store.writer();
                writer.deleteDocuments(what);
                store.commit();
                // Deleted documents only free their space once their segments are rewritten.
                writer.forceMergeDeletes(true);
                store.commit();
                return count;
            } catch (IOException e) {
                store.rollbackToLastCommit();
                throw new StoreException("Pruning the store at " + store.path() + " failed: "
                        + TracebackStore.describe(e), e);
            }
        }
    }
}
