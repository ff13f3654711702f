package dev.tracelens.engine;

import dev.tracelens.store.ImportBatches;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ImportResult;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.sync.SyncedArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Imports through the engine into a real store on disk. */
class ImportServiceTest {
    private static final Path SAMPLES = Path.of("sample-logs");

    private static SyncService.Batch batch(ImportBatches batches, String... names) {
        List<SyncedArchive> archives = java.util.Arrays.stream(names)
                .map(n -> new SyncedArchive("logs/" + n, SAMPLES.resolve(n), "etag", 1, true)).toList();
        return new SyncService.Batch(archives, batches.next(archives.stream().map(SyncedArchive::localFile).toList()));
    }

    @Test
    void syncBatchesImportLikeOneImportAndDoNotCountTheWarmUpFileAsSkipped(@TempDir Path tmp) {
        long whole;
        try (TracebackIndex reference = Stores.open(tmp.resolve("reference"))) {
            // sample-logs' three Papertrail hours (the batches below), not its JSON-lines and text samples
            ImportResult r = new ImportService(reference, 20).importPaths(List.of(SAMPLES.resolve("2026-11-20-03.tsv.gz"),
                    SAMPLES.resolve("2026-11-20-04.tsv.gz"), SAMPLES.resolve("2026-11-20-05.tsv.gz")), ImportListener.NONE);
            assertEquals(3, r.imported().size());
            whole = reference.tracebackCount();
        }
        try (TracebackIndex store = Stores.open(tmp.resolve("store"))) {
            ImportService imports = new ImportService(store, 20);
            ImportBatches batches = new ImportBatches();
            ImportResult first = imports.importBatch(batch(batches, "2026-11-20-03.tsv.gz"), ImportListener.NONE);
            SyncService.Batch second = batch(batches, "2026-11-20-04.tsv.gz", "2026-11-20-05.tsv.gz");
            assertEquals(SAMPLES.resolve("2026-11-20-03.tsv.gz"), second.files().getFirst(), "warm-up file in front");
            ImportResult rest = imports.importBatch(second, ImportListener.NONE);
            assertEquals(1, first.imported().size());
            assertEquals(2, rest.imported().size());
            assertEquals(List.of(), rest.skipped(), "the warm-up file was not part of the batch");
            assertEquals(whole, store.tracebackCount(), "batches store what one import of the same files stores");
            assertEquals(3, store.archives().size());
        }
    }

    @Test
    void negativeContextIsRefused(@TempDir Path tmp) {
        try (TracebackIndex store = Stores.open(tmp.resolve("store"))) {
            assertThrows(IllegalArgumentException.class, () -> new ImportService(store, -1));
        }
    }
}
