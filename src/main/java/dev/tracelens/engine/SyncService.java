package dev.tracelens.engine;

import dev.tracelens.archive.Problem;
import dev.tracelens.store.ImportBatches;
import dev.tracelens.store.ImportResult;
import dev.tracelens.sync.FailedArchive;
import dev.tracelens.sync.S3ArchiveSync;
import dev.tracelens.sync.S3ClientFactory;
import dev.tracelens.sync.SyncListener;
import dev.tracelens.sync.SyncOptions;
import dev.tracelens.sync.SyncPlan;
import dev.tracelens.sync.SyncReport;
import dev.tracelens.sync.SyncSettings;
import dev.tracelens.sync.SyncSettingsFile;
import dev.tracelens.sync.SyncedArchive;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sync, the same for {@code tracelens sync} and the app's Sync dialog: an S3 client for the
 * settings, the plan of a date range (or of the failed list), the settings saved as soon as they
 * parse (a first sync that fails on its credentials still remembers the bucket; secrets are never
 * in them, see {@link SyncSettings}), then the downloads handed over in batches, in time order,
 * each with the previous batch's last file in front as warm-up ({@link ImportBatches}), so that
 * what imports them joins tracebacks that cross the hour between two batches. Where a batch goes
 * (straight into the store, or into the app's import queue) is the caller's business; an archive
 * the import could not read is marked so ({@link Session#markUnreadable}) and left alone by later
 * syncs until it changes.
 */
public final class SyncService {
    private final SyncSettingsFile settingsFile;
    private final Path cacheDir;
    private final SyncOptions options;
    private final Function<SyncSettings, S3Client> clients;

    /**
     * @param settingsFile the saved sync settings ({@code sync.json}), written once a plan worked
     * @param cacheDir     where synced archives are kept
     * @param clients      makes the S3 client for settings
     */
    public SyncService(SyncSettingsFile settingsFile, Path cacheDir, SyncOptions options,
                       Function<SyncSettings, S3Client> clients) {
        this.settingsFile = Objects.requireNonNull(settingsFile);
        this.cacheDir = Objects.requireNonNull(cacheDir);
        this.options = Objects.requireNonNull(options);
        this.clients = Objects.requireNonNull(clients);
    }

    /** With the SDK's default credentials chain (or the settings' profile). */
    public SyncService(SyncSettingsFile settingsFile, Path cacheDir, SyncOptions options) {
        this(settingsFile, cacheDir, options, s -> S3ClientFactory.create(s, options));
    }

    /** A sync against the bucket of these settings, which are saved now; close it to release its client. */
    public Session open(SyncSettings settings) {
        settingsFile.save(settings); // the settings the user gave, kept even if S3 refuses them below
        return new Session(settings);
    }

    /**
     * The archives of a batch that its import could not read completely, with the reader's reason:
     * the first file-level problem reported for the file (e.g. "not a log file: binary data"), else
     * a general one.
     *
     * @param fileProblems problems the import reported with row 0 (about whole files)
     */
    public static List<Unreadable> unreadable(Batch batch, ImportResult result, List<Problem> fileProblems) {
        List<Unreadable> out = new ArrayList<>();
        for (SyncedArchive a : batch.archives()) {
            Path file = a.localFile().toAbsolutePath().normalize();
            boolean bad = result.failed().stream().anyMatch(r -> samePath(r.path(), file))
                    || result.imported().stream().anyMatch(r -> !r.complete() && samePath(r.path(), file));
            if (bad) {
                String name = file.getFileName().toString();
                String reason = fileProblems.stream().filter(p -> p.row() == 0 && p.archive().equals(name))
                        .map(Problem::detail).findFirst().orElse("it could not be read completely");
                out.add(new Unreadable(a, reason));
            }
        }
        return out;
    }

    private static boolean samePath(String recorded, Path file) {
        try {
            return recorded != null && Path.of(recorded).toAbsolutePath().normalize().equals(file);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** A synced archive its import could not read, and the reader's reason. */
    public record Unreadable(SyncedArchive archive, String reason) {
    }

    /** Imports a batch and says which of its archives could not be read (see {@link #unreadable}). */
    @FunctionalInterface
    public interface BatchImport {
        List<Unreadable> importBatch(Batch batch);
    }

    /**
     * A batch of synced archives, in time order, and the files to import for it.
     *
     * @param archives the archives that became ready (downloaded now or synced before)
     * @param imports  their files with the previous batch's last file in front
     */
    public record Batch(List<SyncedArchive> archives, ImportBatches.Batch imports) {
        public Batch {
            archives = List.copyOf(archives);
        }

        /** What to import for this batch: the warm-up file (if any), then the batch's files. */
        public List<Path> files() {
            return imports.files();
        }
    }

    /** One sync run: plan, then run the plan. Not for use by several threads at once, except {@link #cancel()}. */
    public final class Session implements AutoCloseable {
        private final SyncSettings settings;
        private final S3Client s3;
        private final S3ArchiveSync sync;

        private Session(SyncSettings settings) {
            this.settings = settings;
            this.s3 = clients.apply(settings);
            this.sync = new S3ArchiveSync(s3, settings, cacheDir, options);
        }

        public SyncSettings settings() {
            return settings;
        }

        /** How the synced files of the session's prefix are read (its saved input format and fields). */
        public dev.tracelens.archive.ReaderOptions readerOptions() {
            return settings.formatFor(settings.prefix()).readerOptions();
        }

        /** The archives of the days {@code from}..{@code to} (inclusive) and how they compare with the cache. */
        public SyncPlan plan(LocalDate from, LocalDate to) {
            return sync.plan(from, to);
        }

        /** Only the archives in the failed list of earlier syncs, with their current ETags. */
        public SyncPlan planRetryFailed() {
            return sync.planRetryFailed();
        }

        /**
         * Downloads what the plan needs; {@code ready} gets each batch on the calling thread, in
         * time order, while later downloads go on.
         */
        public SyncReport run(SyncPlan plan, SyncListener listener, Consumer<Batch> ready) {
            ImportBatches batches = new ImportBatches();
            return sync.runBatches(plan, listener, archives -> ready.accept(
                    new Batch(archives, batches.next(archives.stream().map(SyncedArchive::localFile).toList()))));
        }

        /**
         * Like {@link #run(SyncPlan, SyncListener, Consumer)} with an import that says which archives
         * it could not read: they are marked unreadable ({@link #markUnreadable}), told to the
         * listener as failed, and in the report's failed list, so the run is not complete.
         */
        public SyncReport runImporting(SyncPlan plan, SyncListener listener, BatchImport importer) {
            List<FailedArchive> unreadable = new ArrayList<>();
            SyncReport report = run(plan, listener, batch -> {
                for (Unreadable u : importer.importBatch(batch)) {
                    FailedArchive f = markUnreadable(u);
                    listener.failed(f);
                    unreadable.add(f);
                }
            });
            return report.withFailed(unreadable);
        }

        /**
         * Records that a synced archive could not be read: in the failed list with the reader's
         * reason, not downloaded or imported again until it changes in S3 or the failed list is
         * retried. Also for an import that finished after the run (the app's queue).
         */
        public FailedArchive markUnreadable(Unreadable u) {
            sync.markUnreadable(u.archive().key(), "could not be read: " + u.reason());
            return new FailedArchive(u.archive().key(), "could not be read: " + u.reason());
        }

        /** Stops soon: downloads stop between chunks and keep their part files. Any thread. */
        public void cancel() {
            sync.cancel();
        }

        @Override
        public void close() {
            s3.close();
        }
    }
}
