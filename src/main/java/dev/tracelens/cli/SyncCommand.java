package dev.tracelens.cli;

import dev.tracelens.archive.Problem;
import dev.tracelens.common.VisibleText;
import dev.tracelens.engine.ImportService;
import dev.tracelens.engine.Stores;
import dev.tracelens.engine.SyncService;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ImportResult;
import dev.tracelens.store.StoreException;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.sync.FailedArchive;
import dev.tracelens.sync.PlannedArchive;
import dev.tracelens.sync.SyncException;
import dev.tracelens.sync.SyncListener;
import dev.tracelens.sync.SyncOptions;
import dev.tracelens.sync.SyncPlan;
import dev.tracelens.sync.SyncProgress;
import dev.tracelens.sync.SyncReport;
import dev.tracelens.sync.SyncSettings;
import dev.tracelens.sync.SyncSettingsFile;
import dev.tracelens.sync.SyncedArchive;
import dev.tracelens.common.UserDirs;
import dev.tracelens.traceback.TracebackAssembler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static dev.tracelens.sync.SyncText.megabytes;
import static dev.tracelens.sync.SyncText.printable;

/**
 * {@code tracelens sync}: downloads the Papertrail archives of a date range from S3 into the local
 * cache, only what is new, with progress on stderr; the bucket settings persist for the next run.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Downloads the Papertrail archives of a date range from S3 into the local cache and imports them.",
                "Only new or changed archives are downloaded; bucket, prefix, region, profile and endpoint are"
                        + " remembered for the next run.",
                "Credentials come from the AWS SDK's default chain or --profile (~/.aws/credentials, ~/.aws/config,"
                + " AWS_* environment); Tracelens never stores them. Progress goes to stderr, the synced files to"
                + " stdout."})
final class SyncCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bucket", paramLabel = "B", description = "S3 bucket Papertrail archives to (remembered).")
    String bucket;

    @Option(names = "--prefix", paramLabel = "P",
            description = "Key prefix before dt=YYYY-MM-DD/ (remembered; default papertrail/logs).")
    String prefix;

    @Option(names = "--layout", paramLabel = "TEMPLATE",
            description = {"Where the day sits in the prefix's keys (remembered per prefix), e.g.",
                    "{prefix}/{source}/{yyyy}/{MM}/{dd}/{name}; default: {prefix}/dt={yyyy}-{MM}-{dd}/{name}"})
    String layout;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "How the prefix's files are read (remembered per prefix): auto (the default), papertrail, jsonl or text.")
    String inputFormat;

    @Option(names = "--field", paramLabel = "ROLE=NAME",
            description = "JSON field mapping of the prefix's files, e.g. time=ts,host=h (remembered per prefix).")
    java.util.List<String> fields;

    // picocli formats descriptions: %% prints one percent sign.
    @Option(names = "--text-pattern", paramLabel = "PATTERN",
            description = {"Layout of the prefix's plain-text lines (remembered per prefix): a regex with named groups"
                    + " or a Python logging format string such as", "'%%(asctime)s %%(name)s: %%(message)s'"})
    String textPattern;

    @Option(names = "--from", paramLabel = "DATE", description = "First day to sync, YYYY-MM-DD (UTC).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day to sync, inclusive (default: today, UTC).")
    LocalDate to;

    @Option(names = "--region", paramLabel = "R", description = "AWS region of the bucket (remembered).")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile for the credentials (remembered).")
    String profile;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Endpoint of an S3-compatible store, path-style access (remembered).")
    String endpoint;

    @Option(names = "--retry-failed", description = "Retry only the archives in the failed list of earlier syncs.")
    boolean retryFailed;

    @Option(names = "--list", description = "Only list the archives of the range and whether they are new, changed or synced.")
    boolean listOnly;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4", description = "Downloads at once (default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "5",
            description = "Attempts per request before an archive goes into the failed list (default ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--cache", paramLabel = "DIR", description = "Folder for the synced archives (default: ~/.local/share/tracelens-archives).")
    Path cacheDir;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--no-import", description = "Only download; print the synced files instead of importing them.")
    boolean noImport;

    @Option(names = "--context", paramLabel = "ROWS",
            description = "Rows of context kept per traceback when importing (default: ${DEFAULT-VALUE}).")
    int contextRows = TracebackAssembler.DEFAULT_CONTEXT_ROWS;

    @Mixin
    TraceArguments tracing = new TraceArguments();

    @Option(names = "--config-dir", paramLabel = "DIR", hidden = true, description = "Settings folder (default: ~/.config/tracelens).")
    Path configDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        UserDirs dirs = UserDirs.current();
        SyncSettingsFile settingsFile = new SyncSettingsFile(configDir != null ? configDir : dirs.config());
        SyncSettings settings;
        SyncOptions options;
        try {
            settings = settingsFile.load().overriddenBy(bucket, prefix, region, profile, endpoint);
            if (layout != null || inputFormat != null || fields != null || textPattern != null) {
                settings = settings.withFormat(settings.formatFor(settings.prefix()).overriddenBy(layout, inputFormat,
                        fields == null ? null : String.join(",", fields), textPattern));
            }
            options = SyncOptions.defaults().withParallelism(parallel).withMaxAttempts(maxAttempts);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (UncheckedIOException e) {
            err.println("tracelens sync: " + e.getMessage());
            return 1;
        }
        if (settings.bucket() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing --bucket (no bucket saved from an earlier sync)");
        }
        if (from == null && !retryFailed) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing --from DATE (or --retry-failed)");
        }
        LocalDate last = to != null ? to : LocalDate.now(ZoneOffset.UTC);
        if (from != null && to == null && last.isBefore(from)) {
            last = from;
        }
        Path cache = cacheDir != null ? cacheDir : dirs.syncCache();

        SyncService service = new SyncService(settingsFile, cache, options);
        try (SyncService.Session session = service.open(settings)) {
            SyncPlan plan = retryFailed ? session.planRetryFailed() : session.plan(from, last);
            err.println(describe(plan, retryFailed ? "the failed list" : from + ".." + last, settings));
            if (listOnly) {
                dev.tracelens.sync.PrefixFormat format = settings.formatFor(settings.prefix());
                for (PlannedArchive a : plan.archives()) {
                    String shown = format.formatShown(a); // with auto, a synced file's own bytes say what it holds
                    out.printf(Locale.ROOT, "%-8s %12d  %-16s %s%n", a.status(), a.remote().size(), shown,
                            printable(a.remote().key()));
                }
                out.flush();
                return 0;
            }
            SyncReport report;
            if (noImport) {
                report = runCancellable(session, () -> session.run(plan, new ProgressPrinter(err), printer(out)));
                summarize(report, err);
            } else {
                try (TracebackIndex store = Stores.open(storeOptions.location(), notice -> { })) {
                    StoreImport imports = new StoreImport(new ImportService(store, contextRows, session.readerOptions(), tracing.options()), err);
                    report = runCancellable(session, () -> session.runImporting(plan, new ProgressPrinter(err), imports));
                    summarize(report, err);
                    out.printf(Locale.ROOT, "Imported %d archive(s), %,d tracebacks written; skipped %d unchanged."
                                    + " The store at %s holds %,d tracebacks.%n",
                            imports.imported, imports.tracebacks, imports.skipped,
                            storeOptions.shown(), store.tracebackCount());
                }
            }
            out.flush();
            return report.complete() ? 0 : 1;
        } catch (SyncException | StoreException | UncheckedIOException | IllegalArgumentException e) {
            err.println("tracelens sync: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // Never a stack trace for the user; the state on disk stays consistent (atomic writes).
            err.println("tracelens sync: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    /** With --no-import: the synced files, one per line, in time order. */
    private static Consumer<SyncService.Batch> printer(PrintWriter out) {
        return batch -> {
            for (SyncedArchive a : batch.archives()) {
                out.println(a.localFile());
            }
            out.flush();
        };
    }

    /**
     * Synced archives into the store: each batch, in time order, while later downloads go on,
     * with the previous batch's last archive in front as warm-up (the same batches as the app's).
     * Archives already imported unchanged are skipped by the store's registry; those that could not
     * be read go back to the sync as unreadable, with the reader's reason.
     */
    private static final class StoreImport implements SyncService.BatchImport {
        private final ImportService importer;
        private final PrintWriter err;
        int imported;
        int skipped;
        long tracebacks;

        StoreImport(ImportService importer, PrintWriter err) {
            this.importer = importer;
            this.err = err;
        }

        @Override
        public List<SyncService.Unreadable> importBatch(SyncService.Batch batch) {
            List<Problem> fileProblems = new java.util.ArrayList<>();
            ImportResult r = importer.importBatch(batch, new ImportListener() {
                @Override
                public void onProblem(Problem problem) {
                    err.println("warning: " + VisibleText.of(problem.toString(), false));
                    if (problem.row() == 0) {
                        fileProblems.add(problem);
                    }
                }
            });
            imported += r.imported().size();
            skipped += r.skipped().size();
            tracebacks += r.tracebacksWritten();
            return SyncService.unreadable(batch, r, fileProblems);
        }
    }

    /** Runs the sync; Ctrl-C cancels it and waits for the state to be saved before the JVM exits. */
    private static SyncReport runCancellable(SyncService.Session session, java.util.function.Supplier<SyncReport> run) {
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            session.cancel();
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tracelens-sync-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run.get();
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running; it returns at once now
            }
        }
    }

    private static String describe(SyncPlan plan, String range, SyncSettings s) {
        return String.format(Locale.ROOT,
                "%d archives in s3://%s/%s for %s: %d new, %d changed, %d failed before, %d already synced%s (%s to download)",
                plan.archives().size(), s.bucket(), s.prefix(), range,
                plan.count(PlannedArchive.Status.NEW), plan.count(PlannedArchive.Status.CHANGED),
                plan.count(PlannedArchive.Status.FAILED), plan.count(PlannedArchive.Status.SYNCED),
                plan.count(PlannedArchive.Status.UNREADABLE) == 0 ? ""
                        : ", " + plan.count(PlannedArchive.Status.UNREADABLE) + " unreadable before",
                megabytes(plan.bytesToDownload()));
    }

    private static void summarize(SyncReport r, PrintWriter err) {
        double secs = Math.max(1e-3, r.elapsed().toNanos() / 1e9);
        err.printf(Locale.ROOT, "%s %d archives (%s) in %.1f s (%s/s); %d already synced; %d failed%n",
                r.cancelled() ? "Cancelled after" : "Synced", r.downloaded().size(), megabytes(r.bytesDownloaded()),
                secs, megabytes((long) (r.bytesDownloaded() / secs)), r.alreadySynced().size(), r.failed().size());
        for (FailedArchive f : r.failed()) {
            err.println("  failed: " + printable(f.key()) + ": " + printable(f.reason()));
        }
        if (!r.stillUnreadable().isEmpty()) {
            err.printf(Locale.ROOT, "%d archive(s) could not be read by an earlier sync and are unchanged in S3: not read again%n",
                    r.stillUnreadable().size());
            for (FailedArchive f : r.stillUnreadable()) {
                err.println("  unreadable: " + printable(f.key()) + ": " + printable(f.reason()));
            }
        }
        if (!r.failed().isEmpty() || !r.stillUnreadable().isEmpty()) {
            err.println("Run `tracelens sync --retry-failed` to retry only those.");
        }
        err.flush();
    }

    /** Progress on stderr: a redrawn line on a terminal, else a line per finished archive. */
    private static final class ProgressPrinter implements SyncListener {
        private final PrintWriter err;
        private final boolean terminal = System.console() != null && System.console().isTerminal();
        private int lastFiles = -1;

        ProgressPrinter(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void progress(SyncProgress p) {
            if (p.filesTotal() == 0 || (!terminal && p.filesDone() == lastFiles)) {
                return;
            }
            lastFiles = p.filesDone();
            String line = String.format(Locale.ROOT, "[%d/%d] %s / %s  %s/s  %s", p.filesDone(), p.filesTotal(),
                    megabytes(p.bytesDone()), megabytes(p.bytesTotal()), megabytes((long) p.bytesPerSecond()),
                    p.currentKey() == null ? "" : printable(p.currentKey()));
            if (terminal) {
                err.print("\r" + line + "\u001b[K");
                if (p.filesDone() == p.filesTotal()) {
                    err.println();
                }
            } else {
                err.println(line);
            }
            err.flush();
        }

        @Override
        public synchronized void failed(FailedArchive f) {
            err.println((terminal ? "\r\u001b[K" : "") + "failed: " + printable(f.key()) + ": " + f.reason());
            err.flush();
        }
    }
}
