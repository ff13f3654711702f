package dev.tracelens.engine;

import dev.tracelens.archive.ReaderOptions;
import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.store.ImportBatches;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ImportResult;
import dev.tracelens.store.TracebackIndex;

import java.nio.file.Path;
import java.util.List;

/**
 * Archives into the store, for {@code import}, {@code sync} and the app's import queue alike:
 * files and folders as given, or a sync's batches with their warm-up file in front.
 */
public final class ImportService {
    private final TracebackIndex store;
    private final int contextRows;
    private final ReaderOptions reading;
    private final dev.tracelens.traceback.TraceOptions tracing;

    /** @param contextRows rows of context kept per traceback */
    public ImportService(TracebackIndex store, int contextRows) {
        this(store, contextRows, ReaderOptions.defaults());
    }

    /** @param reading how files are read (input format, JSON fields, text pattern) */
    public ImportService(TracebackIndex store, int contextRows, ReaderOptions reading) {
        this(store, contextRows, reading, dev.tracelens.traceback.TraceOptions.DEFAULT);
    }

    /** @param tracing which languages to rebuild, the user's in-app prefixes */
    public ImportService(TracebackIndex store, int contextRows, ReaderOptions reading,
                         dev.tracelens.traceback.TraceOptions tracing) {
        if (contextRows < 0) {
            throw new IllegalArgumentException("context rows must be 0 or more, not " + contextRows);
        }
        this.store = store;
        this.contextRows = contextRows;
        this.reading = java.util.Objects.requireNonNull(reading, "reading");
        this.tracing = java.util.Objects.requireNonNull(tracing, "tracing");
    }

    /** Archive files and folders (searched recursively), in time order; unchanged archives are skipped. */
    public ImportResult importPaths(List<Path> filesOrFolders, ImportListener listener) {
        return store.importPaths(filesOrFolders, contextRows, reading, tracing, listener);
    }

    /**
     * One batch of a sync ({@link ImportBatches}): its files in time order with the previous
     * batch's last file in front, which the registry skips but the importer reads as warm-up.
     * The result does not count that warm-up file as skipped: it was not part of this batch.
     */
    public ImportResult importBatch(SyncService.Batch batch, ImportListener listener) {
        ImportResult r = store.importArchives(batch.files(), contextRows, reading, tracing, listener);
        List<ArchiveRecord> skipped = r.skipped().stream().filter(a -> !batch.imports().isWarmUp(a.path())).toList();
        return new ImportResult(r.imported(), skipped, r.failed(), r.tracebacksWritten(), r.problems(), r.took(),
                r.storedBefore(), r.storedAfter());
    }
}
