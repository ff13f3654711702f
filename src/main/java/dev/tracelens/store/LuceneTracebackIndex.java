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
        return importPaths(filesOrFolders, contextRows, reading, dev.tracelens.traceback.TraceOptions.DEFAULT, listener);
    }

    @Override
    public ImportResult importPaths(List<Path> filesOrFolders, int contextRows, ReaderOptions reading,
                                    dev.tracelens.traceback.TraceOptions tracing, ImportListener listener) {
        return new StoreImporter(store, ArchiveScan.engine(contextRows, reading, withRules(tracing)))
                .importPaths(filesOrFolders, listener);
    }

    @Override
    public ImportResult importArchives(List<Path> archives, int contextRows, ReaderOptions reading,
                                       ImportListener listener) {
        return importArchives(archives, contextRows, reading, dev.tracelens.traceback.TraceOptions.DEFAULT, listener);
    }

    @Override
    public ImportResult importArchives(List<Path> archives, int contextRows, ReaderOptions reading,
                                       dev.tracelens.traceback.TraceOptions tracing, ImportListener listener) {
        return new StoreImporter(store, ArchiveScan.engine(contextRows, reading, withRules(tracing)))
                .importArchives(archives, listener);
    }

    /** Every import groups by the store's rules (the file beside it), read afresh each time. */
    private dev.tracelens.traceback.TraceOptions withRules(dev.tracelens.traceback.TraceOptions tracing) {
        return tracing.withRules(rulesFile().load());
    }

    private GroupingRulesFile rulesFile() {
        return GroupingRulesFile.beside(store.path());
    }

    @Override
    public dev.tracelens.traceback.GroupingRules groupingRules() {
        return rulesFile().load();
    }

    @Override
    public java.util.Map<String, Long> regroup(dev.tracelens.traceback.GroupingRules rules) {
        refuseReadOnly();
        // Stored tracebacks first, then the file: killed between them, the store is grouped by the
        // new rules and the file still says the old ones, so running the command again settles it.
        java.util.Map<String, Long> matches = regroupStored(rules);
        rulesFile().save(rules.rules());
        return matches;
    }

    @Override
    public java.util.Optional<java.util.Map<String, Long>> undoGroupingRules() {
        refuseReadOnly();
        GroupingRulesFile file = rulesFile();
        return file.undo().map(previous -> regroupStored(new dev.tracelens.traceback.GroupingRules(previous)));
    }

    @Override
    public java.util.Map<String, Long> ruleMatches() {
        try {
            return StoreRegroup.matches(store, groupingRules());
        } catch (java.io.IOException e) {
            throw new StoreException("Reading the store at " + store.path() + " failed: " + StoreErrors.cause(e), e);
        }
    }

    private java.util.Map<String, Long> regroupStored(dev.tracelens.traceback.GroupingRules rules) {
        try {
            return StoreRegroup.regroup(store, rules);
        } catch (java.io.IOException e) {
            throw new StoreException("Regrouping the store at " + store.path() + " failed; it is unchanged since its"
                    + " last commit (" + e.getMessage() + ")", e);
        }
    }

    private void refuseReadOnly() {
        if (store.readOnly()) {
            throw new StoreException("The store at " + store.path() + " was opened read-only");
        }
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
    public long count(StoreFilter filter) {
        return queries.count(filter);
    }

    @Override
    public long removeArchive(String name) {
        return new StoreRetention(store).removeArchive(name);
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
