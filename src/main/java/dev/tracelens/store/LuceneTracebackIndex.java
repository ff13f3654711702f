package dev.tracelens.store;

import dev.tracelens.archive.ReaderOptions;
import dev.tracelens.traceback.Traceback;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The embedded Lucene store behind {@link TracebackIndex}: {@link TracebackStore} on disk, with
 * {@link StoreQueries}, {@link StoreImporter}, {@link StoreRetention} and {@link ArchiveRegistry}
 * over it. Owns the store and closes it.
 */
public final class LuceneTracebackIndex implements TracebackIndex {
    private final TracebackStore store;
    private final StoreQueries queries;

    public LuceneTracebackIndex(TracebackStore store) {
        this.store = store;
        this.queries = new StoreQueries(store);
    }

    /** Opens (creating if needed) the store in {@code dir} for reading and writing. */
    public static LuceneTracebackIndex open(Path dir) {
        return new LuceneTracebackIndex(TracebackStore.open(dir));
    }

    /** The same, saying through {@code notices} what the user should know (e.g. an upgrade of an older store format). */
    public static LuceneTracebackIndex open(Path dir, java.util.function.Consumer<String> notices) {
        return new LuceneTracebackIndex(TracebackStore.open(dir, notices));
    }

    /** Opens the store in {@code dir} for queries only: no lock, so it works while another Tracelens imports. */
    public static LuceneTracebackIndex openReadOnly(Path dir) {
        return new LuceneTracebackIndex(TracebackStore.openReadOnly(dir));
    }

    @Override
    public boolean readOnly() {
        return store.readOnly();
    }

    @Override
    public void validate(String query) {
        queries.validate(query);
    }

    @Override
    public SearchResult search(StoreFilter filter, int limit) {
        return queries.search(filter, limit);
    }

    @Override
    public GroupList groups(StoreFilter filter, GroupSort sort, int limit) {
        return queries.groups(filter, sort, limit);
    }

    @Override
    public History history(String fingerprint, StoreFilter filter, BucketSize size) {
        return queries.history(fingerprint, filter, size);
    }

    @Override
    public Optional<HistoricalReflection> reflection(long firstId, int maxIds) {
        return queries.reflection(firstId, maxIds);
    }

    @Override
    public List<String> languages() {
        return queries.languages();
    }

    @Override
    public List<String> otherCasings(String word, int max) {
        return queries.otherCasings(word, max);
    }

    @Override
    public Optional<Traceback> occurrence(long firstId) {
        return queries.occurrence(firstId);
    }

    @Override
    public Optional<Traceback> occurrence(long firstId, int ordinal) {
        return queries.occurrence(firstId, ordinal);
    }

    @Override
    public Optional<Traceback> occurrenceByAnyId(long id) {
        return queries.occurrenceByAnyId(id);
    }

    @Override
    public Optional<Traceback> latest(String fingerprint) {
        return queries.latest(fingerprint);
    }

    @Override
    public ImportResult importPaths(List<Path> filesOrFolders, int contextRows, ReaderOptions reading,
                                    ImportListener listener) {
        return new StoreImporter(store, ArchiveScan.engine(contextRows, reading)).importPaths(filesOrFolders, listener);
    }

    @Override
    public ImportResult importPaths(List<Path> filesOrFolders, int contextRows, ReaderOptions reading,
                                    dev.tracelens.traceback.TraceOptions tracing, ImportListener listener) {
        return new StoreImporter(store, ArchiveScan.engine(contextRows, reading, tracing)).importPaths(filesOrFolders, listener);
    }

    @Override
    public ImportResult importArchives(List<Path> archives, int contextRows, ReaderOptions reading,
                                       ImportListener listener) {
        return new StoreImporter(store, ArchiveScan.engine(contextRows, reading)).importArchives(archives, listener);
    }

    @Override
    public ImportResult importArchives(List<Path> archives, int contextRows, ReaderOptions reading,
                                       dev.tracelens.traceback.TraceOptions tracing, ImportListener listener) {
        return new StoreImporter(store, ArchiveScan.engine(contextRows, reading, tracing)).importArchives(archives, listener);
    }

    @Override
    public long prune(Instant before) {
        return new StoreRetention(store).prune(before);
    }

    @Override
    public long clear() {
        return new StoreRetention(store).clear();
    }

    @Override
    public List<ArchiveRecord> archives() {
        return new ArchiveRegistry(store).list();
    }

    @Override
    public long tracebackCount() {
        return store.tracebackCount();
    }

    @Override
    public long sizeOnDisk() {
        return store.sizeOnDisk();
    }

    @Override
    public void refresh() {
        store.refresh();
    }

    @Override
    public void close() {
        store.close();
    }
}
