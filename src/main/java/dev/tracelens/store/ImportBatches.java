package dev.tracelens.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Archives that arrive in batches, in time order (a sync hands them over as their downloads
 * finish), turned into the lists to import: each batch with the last archive of the previous
 * batch in front. The registry skips that archive, but {@link StoreImporter} reads it again as
 * warm-up, so a traceback that crosses the hour boundary between two batches is rebuilt whole.
 * The CLI's {@code sync} and the app's Sync dialog both feed their imports through this.
 */
public final class ImportBatches {
    private Path previous;

    /**
     * One batch ready to import.
     *
     * @param warmUp the previous batch's last file, read again in front of this batch; null for the first
     * @param files  what to import: the warm-up file (if any), then the batch
     */
    public record Batch(Path warmUp, List<Path> files) {
        public Batch {
            files = List.copyOf(files);
        }

        /** Whether a skipped archive (as the registry names its path) is only the warm-up file. */
        public boolean isWarmUp(String archivePath) {
            return warmUp != null && warmUp.toString().equals(archivePath);
        }
    }

    /** The next batch (files in time order), with the previous batch's last file in front. */
    public synchronized Batch next(List<Path> batch) {
        List<Path> files = new ArrayList<>(batch.size() + 1);
        Path warmUp = previous;
        if (warmUp != null) {
            files.add(warmUp);
        }
        files.addAll(batch);
        if (!batch.isEmpty()) {
            previous = batch.getLast();
        }
        return new Batch(warmUp, files);
    }
}
