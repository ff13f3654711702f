package dev.tracelens.store;

import dev.tracelens.archive.ReaderOptions;
import dev.tracelens.traceback.Traceback;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store as the rest of Tracelens asks it: import, groups, search, occurrences, history,
 * historical reflection, retention and the archive registry. It speaks the store's own records
 * ({@link StoreFilter}, {@link GroupList}, {@link History}, {@link ArchiveRecord} ...) and
 * {@link Traceback}, never a Lucene type, so that another backend (a team's shared search index)
 * can stand behind the same interface; {@link LuceneTracebackIndex}, the embedded Lucene store,
 * is the one implementation today. The engine ({@code dev.tracelens.engine}) opens it; the app,
 * the CLI and the reports ask only this.
 *
 * <p>Every method blocks and may take long. Implementations are thread-safe: imports and prunes
 * are serialised, queries run on any thread and see the last commit. Query methods throw
 * {@link QuerySyntaxException} or {@link NoSearchableWordsException} for a text query that cannot
 * run, and {@link StoreException} (with a message for the user) when the store fails.
 */
public interface TracebackIndex extends AutoCloseable {

    /** Whether this store was opened for queries only (import, prune and clear are refused). */
    boolean readOnly();

    /** Checks that a text query can run, without running it. */
    void validate(String query);

    /** Occurrences under the filter, best matches first (newest first without a text query). */
    SearchResult search(StoreFilter filter, int limit);

    /** How many occurrences the filter matches (what {@code search(filter, 0).total()} says, without loading any). */
    default long count(StoreFilter filter) {
        return search(filter, 0).total();
    }

    /** Groups (by fingerprint) under the filter, in the given order, at most {@code limit}. */
    GroupList groups(StoreFilter filter, GroupSort sort, int limit);

    /** Occurrences of a group (every group when {@code fingerprint} is null) per hour or day. */
    History history(String fingerprint, StoreFilter filter, BucketSize size);

    /**
     * How many stored tracebacks (any group, any time, no filter) have the same filtered token
     * sequence as the occurrence {@code firstId}, with at most {@code maxIds} of their ids,
     * oldest first; empty when there is no such occurrence.
     */
    Optional<HistoricalReflection> reflection(long firstId, int maxIds);

    /**
     * Stored words of the traceback text equal to {@code word} but for letter case (searches are
     * case-sensitive), at most {@code max}; none by default.
     */
    /** The languages of the stored tracebacks ({@code python}, {@code java}, ...), sorted. */
    default List<String> languages() {
        return List.of();
    }

    default List<String> otherCasings(String word, int max) {
        return List.of();
    }

    /**
     * The occurrence whose header row has this Papertrail id, with its context: the first of
     * that row when it holds several tracebacks.
     */
    Optional<Traceback> occurrence(long firstId);

    /** The {@code ordinal}-th (from 0) traceback whose header is in row {@code firstId}, with its context. */
    Optional<Traceback> occurrence(long firstId, int ordinal);

    /** The occurrence whose first or last row has this Papertrail id. */
    Optional<Traceback> occurrenceByAnyId(long id);

    /** The newest occurrence of a group. */
    Optional<Traceback> latest(String fingerprint);

    /**
     * Imports the archives in these files and folders (folders recursively, in time order),
     * skipping those the registry holds unchanged. Bad rows and files are reported to the
     * listener; what could be read is stored.
     *
     * @throws java.util.concurrent.CancellationException when the thread is interrupted; the
     *         store then holds exactly the archives committed before
     */
    default ImportResult importPaths(List<Path> filesOrFolders, int contextRows, ImportListener listener) {
        return importPaths(filesOrFolders, contextRows, ReaderOptions.defaults(), listener);
    }

    /** As {@link #importPaths(List, int, ImportListener)}, reading the files as {@code reading} says (input format, fields). */
    ImportResult importPaths(List<Path> filesOrFolders, int contextRows, ReaderOptions reading, ImportListener listener);

    /** As above, rebuilding traces as {@code tracing} says (languages, in-app prefixes). */
    default ImportResult importPaths(List<Path> filesOrFolders, int contextRows, ReaderOptions reading,
                                     dev.tracelens.traceback.TraceOptions tracing, ImportListener listener) {
        if (!tracing.equals(dev.tracelens.traceback.TraceOptions.DEFAULT)) {
            throw new UnsupportedOperationException("this store rebuilds traces with the default options only");
        }
        return importPaths(filesOrFolders, contextRows, reading, listener);
    }

    /**
     * Imports archive files given in time order (e.g. a sync batch with its warm-up file in
     * front, see {@link ImportBatches}), skipping those the registry holds unchanged.
     */
    default ImportResult importArchives(List<Path> archives, int contextRows, ImportListener listener) {
        return importArchives(archives, contextRows, ReaderOptions.defaults(), listener);
    }

    /** As {@link #importArchives(List, int, ImportListener)}, reading the files as {@code reading} says. */
    ImportResult importArchives(List<Path> archives, int contextRows, ReaderOptions reading, ImportListener listener);

    /** As above, rebuilding traces as {@code tracing} says (languages, in-app prefixes). */
    default ImportResult importArchives(List<Path> archives, int contextRows, ReaderOptions reading,
                                        dev.tracelens.traceback.TraceOptions tracing, ImportListener listener) {
        if (!tracing.equals(dev.tracelens.traceback.TraceOptions.DEFAULT)) {
            throw new UnsupportedOperationException("this store rebuilds traces with the default options only");
        }
        return importArchives(archives, contextRows, reading, listener);
    }

    /**
     * The user's grouping rules this store applies to every import, in order (none by default).
     * Imports apply them without being asked; {@link #regroup} applies them to what is stored.
     */
    default dev.tracelens.traceback.GroupingRules groupingRules() {
        return dev.tracelens.traceback.GroupingRules.NONE;
    }

    /**
     * Makes {@code rules} this store's grouping rules and regroups every stored traceback under
     * them at once, from the stored tracebacks (no archive is read). Returns per rule id how many
     * stored tracebacks it changed; 0 is a rule that matches nothing.
     */
    default java.util.Map<String, Long> regroup(dev.tracelens.traceback.GroupingRules rules) {
        throw new UnsupportedOperationException("this store has no grouping rules");
    }

    /** Per rule id of {@link #groupingRules()}, how many stored tracebacks it changes now. */
    default java.util.Map<String, Long> ruleMatches() {
        return java.util.Map.of();
    }

    /** The last change of the grouping rules undone (the store regrouped); empty when there is none to undo. */
    default Optional<java.util.Map<String, Long>> undoGroupingRules() {
        return Optional.empty();
    }

    /** Deletes every occurrence whose header row is before {@code before}; returns how many. */
    long prune(Instant before);

    /** Deletes every occurrence and forgets the imported archives; returns how many occurrences. */
    long clear();

    /**
     * Forgets one imported archive (by file name, as {@link #archives()} lists it): deletes the
     * tracebacks whose header row is in it and its registry record, so importing it again brings
     * them back. Returns how many tracebacks were deleted, or -1 when no such archive is registered.
     */
    default long removeArchive(String name) {
        throw new UnsupportedOperationException("this store cannot remove an archive");
    }

    /** The imported archives in name (= time) order, with the tracebacks each holds now. */
    List<ArchiveRecord> archives();

    /** Stored tracebacks (occurrences). */
    long tracebackCount();

    /** Bytes the store takes on disk. */
    long sizeOnDisk();

    /**
     * Makes what a running import has written so far visible to the next queries (before its
     * archive is committed), and, read-only, what other processes have committed since.
     */
    void refresh();

    @Override
    void close();
}
