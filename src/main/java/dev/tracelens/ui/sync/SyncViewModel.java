package dev.tracelens.ui.sync;

import dev.tracelens.engine.SyncService;
import dev.tracelens.sync.FailedArchive;
import dev.tracelens.sync.PlannedArchive;
import dev.tracelens.sync.PrefixFormat;
import dev.tracelens.sync.SyncListener;
import dev.tracelens.sync.SyncOptions;
import dev.tracelens.sync.SyncPlan;
import dev.tracelens.sync.SyncProgress;
import dev.tracelens.sync.SyncReport;
import dev.tracelens.sync.SyncSettings;
import dev.tracelens.sync.SyncSettingsFile;
import dev.tracelens.ui.imports.ImportJob;
import dev.tracelens.ui.task.BackgroundTask;
import dev.tracelens.ui.task.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.BiFunction;
import java.util.function.Function;

import static dev.tracelens.sync.SyncText.megabytes;
import static dev.tracelens.sync.SyncText.printable;

/**
 * The Sync dialog: where the archives are (bucket, prefix, region, profile, endpoint; the same
 * {@code sync.json} as {@code tracelens sync}), the date range, the archives of the range and
 * their status, and a sync with progress and cancel whose archives go to the import queue in
 * time order while later ones still download. Each prefix of the bucket has its key layout and
 * format (input format, JSON field mapping, text pattern), listed in {@link #prefixes()}, added,
 * edited and removed here and kept in the same {@code sync.json} as {@code tracelens sync
 * --layout/--input-format/--field/--text-pattern}. Credentials never pass through here: they stay
 * in the AWS SDK's chain (environment, {@code ~/.aws}, a named profile).
 */
public final class SyncViewModel {
    public enum State { IDLE, LISTING, LISTED, SYNCING, DONE, CANCELLED, FAILED }

    private enum Mode { LIST, SYNC, RETRY }

    /** Longest range the dialog accepts, as the sync itself. */
    static final int MAX_DAYS = 3660;

    private final TaskExecutor executor;
    private final SyncSettingsFile settingsFile;
    private final SyncService service;
    private final BiFunction<List<Path>, dev.tracelens.archive.ReaderOptions, ImportJob> importer;

    private final StringProperty bucket = new SimpleStringProperty("");
    private final StringProperty prefix = new SimpleStringProperty(SyncSettings.DEFAULT_PREFIX);
    private final StringProperty region = new SimpleStringProperty("");
    private final StringProperty profile = new SimpleStringProperty("");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty layout = new SimpleStringProperty("");
    private final StringProperty inputFormat = new SimpleStringProperty("auto");
    private final StringProperty fields = new SimpleStringProperty("");
    private final StringProperty textPattern = new SimpleStringProperty("");
    private final ObservableList<PrefixFormat> prefixes = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<ArchiveRow> archives = FXCollections.observableArrayList();
    private final Map<String, Integer> rowOfKey = new HashMap<>();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<SyncReport> lastReport = new ReadOnlyObjectWrapper<>();
    private volatile SyncService.Session running;
    private volatile boolean cancelRequested;

    /**
     * @param settingsFile the saved sync settings (shared with {@code tracelens sync})
     * @param cacheDir     where synced archives are kept
     * @param clients      makes the S3 client for settings ({@code S3ClientFactory} in the app)
     * @param importer     gets each batch of synced files to import, on the UI thread, in time
     *                     order, the previous batch's last file in front as warm-up, with how the
     *                     prefix's files are read, and gives the job whose result says which
     *                     archives could not be read
     * @param clock        for the default range (yesterday and today, UTC)
     */
    public SyncViewModel(TaskExecutor executor, SyncSettingsFile settingsFile, Path cacheDir,
                         Function<SyncSettings, S3Client> clients, SyncOptions options,
                         BiFunction<List<Path>, dev.tracelens.archive.ReaderOptions, ImportJob> importer, Clock clock) {
        this.executor = Objects.requireNonNull(executor);
        this.settingsFile = Objects.requireNonNull(settingsFile);
        this.service = new SyncService(settingsFile, cacheDir, options, clients);
        this.importer = Objects.requireNonNull(importer);
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        from.set(today.minusDays(1));
        to.set(today);
        state.addListener((o, a, s) -> busy.set(s == State.LISTING || s == State.SYNCING));
        // A prefix typed or picked that has a saved entry shows its layout and format. Any other
        // keeps what the fields hold (typing a new prefix does not wipe a format given first),
        // unless they still show another prefix's saved entry: then they go back to the defaults.
        prefix.addListener((o, a, p) -> {
            var saved = savedFormat(p);
            if (saved.isPresent()) {
                showFormat(saved.get());
            } else if (shownSaved != null && shownSaved.equals(formatInFields(shownSaved.prefix()))) {
                showFormat(PrefixFormat.defaults(p == null ? "" : p));
            }
        });
        reloadSettings();
    }

    /** Fills the fields from the saved settings (an unreadable file is said, not fatal). */
    public void reloadSettings() {
        try {
            SyncSettings s = settingsFile.load();
            bucket.set(s.bucket() == null ? "" : s.bucket());
            prefix.set(s.prefix());
            region.set(s.region() == null ? "" : s.region());
            profile.set(s.profile() == null ? "" : s.profile());
            endpoint.set(s.endpoint() == null ? "" : s.endpoint());
            prefixes.setAll(s.formats());
            showFormat(s.formatFor(s.prefix()));
        } catch (RuntimeException e) {
            message.set(e.getMessage());
        }
    }

    public StringProperty bucketProperty() {
        return bucket;
    }

    public StringProperty prefixProperty() {
        return prefix;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    /** The key template of the prefix ({@code {prefix}/{source}/{yyyy}/{MM}/{dd}/{name}}); empty for Papertrail's. */
    public StringProperty layoutProperty() {
        return layout;
    }

    /** {@code auto}, {@code papertrail}, {@code jsonl} or {@code text}. */
    public StringProperty inputFormatProperty() {
        return inputFormat;
    }

    /** The prefix's JSON field mapping ({@code time=ts,host=h}); empty for the common names. */
    public StringProperty fieldsProperty() {
        return fields;
    }

    /** The prefix's text pattern (Python logging format or regex); empty for the usual layouts. */
    public StringProperty textPatternProperty() {
        return textPattern;
    }

    /** The prefixes of the bucket with a layout or format of their own, as saved in {@code sync.json}. */
    public ObservableList<PrefixFormat> prefixes() {
        return prefixes;
    }

    /** Shows a saved prefix in the fields, to edit it or sync it. */
    public void selectPrefix(PrefixFormat p) {
        if (p != null && !busy.get()) {
            prefix.set(p.prefix());
            showFormat(p);
        }
    }

    /**
     * Adds the prefix in the fields with its layout and format to the saved prefixes (or replaces
     * its entry) and saves the settings; a prefix with Papertrail's layout and formats told by
     * content needs no entry and has none. Refuses a bad template, field mapping or pattern.
     */
    public void savePrefix() {
        if (busy.get()) {
            return;
        }
        try {
            SyncSettings s = settings(false);
            settingsFile.save(s);
            prefixes.setAll(s.formats());
            shownSaved = savedFormat(s.prefix()).orElse(null);
            state.set(State.IDLE);
            message.set(s.formats().stream().anyMatch(f -> f.prefix().equals(s.prefix()))
                    ? "Saved " + describe(s.formatFor(s.prefix()))
                    : "Saved: " + s.prefix() + " has Papertrail's layout and formats told by content");
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            state.set(State.FAILED);
            message.set(e.getMessage());
        }
    }

    /** Forgets a prefix's layout and format (its keys then sync as Papertrail's) and saves the settings. */
    public void removePrefix(PrefixFormat p) {
        if (p == null || busy.get()) {
            return;
        }
        prefixes.remove(p);
        try {
            SyncSettings saved = settingsFile.load();
            java.util.List<PrefixFormat> kept = new java.util.ArrayList<>(saved.formats());
            kept.removeIf(f -> f.prefix().equals(p.prefix()));
            settingsFile.save(new SyncSettings(saved.bucket(), saved.prefix(), saved.region(), saved.profile(),
                    saved.endpoint(), kept));
            if (SyncSettingsNormal.same(prefix.get(), p.prefix())) {
                showFormat(PrefixFormat.defaults(p.prefix()));
            }
            state.set(State.IDLE);
            message.set("Removed the layout and format of " + p.prefix());
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            state.set(State.FAILED);
            message.set(e.getMessage());
        }
    }

    /** "rainforest-logs: jsonl, keys {prefix}/{source}/…" for messages. */
    static String describe(PrefixFormat f) {
        StringBuilder b = new StringBuilder(f.prefix()).append(": ").append(f.formatLabel());
        if (f.fields() != null) {
            b.append(" (fields ").append(f.fields()).append(')');
        }
        if (f.textPattern() != null) {
            b.append(" (pattern ").append(f.textPattern()).append(')');
        }
        return b.append(", keys ").append(f.keyLayout().template()).toString();
    }

    private java.util.Optional<PrefixFormat> savedFormat(String p) {
        return prefixes.stream().filter(f -> SyncSettingsNormal.same(p, f.prefix())).findFirst();
    }

    /** The saved entry the fields were last filled from, or null. */
    private PrefixFormat shownSaved;

    private PrefixFormat formatInFields(String forPrefix) {
        try {
            return new PrefixFormat(forPrefix, layout.get(), inputFormat.get(), fields.get(), textPattern.get());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void showFormat(PrefixFormat f) {
        shownSaved = prefixes.contains(f) ? f : null;
        layout.set(f.layout() == null ? "" : f.layout());
        inputFormat.set(f.inputFormat() == null ? "auto" : f.inputFormat());
        fields.set(f.fields() == null ? "" : f.fields());
        textPattern.set(f.textPattern() == null ? "" : f.textPattern());
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The archives of the range (or of the failed list), in time order, with their status. */
    public ObservableList<ArchiveRow> archives() {
        return archives;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Listing or syncing: the fields and actions wait, Cancel works. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What happened last, in one or two sentences (errors included). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "2 of 5 archives · 12.3 of 40.0 MB · 8.1 MB/s · papertrail/logs/dt=…/2024-03-01-02.tsv.gz". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Bytes done of bytes to download, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The report of the last sync run; null before. */
    public ReadOnlyObjectProperty<SyncReport> lastReportProperty() {
        return lastReport.getReadOnlyProperty();
    }

    /** Lists the archives of the range and how they compare with the cache. */
    public void list() {
        start(Mode.LIST);
    }

    /** Downloads what the range needs and imports every archive of it (unchanged ones are skipped by the store). */
    public void sync() {
        start(Mode.SYNC);
    }

    /** Tries again only the archives in the failed list of earlier syncs. */
    public void retryFailed() {
        start(Mode.RETRY);
    }

    /** Stops soon: downloads stop between chunks and keep their part files; what was imported stays. */
    public void cancel() {
        cancelRequested = true;
        SyncService.Session s = running;
        if (s != null) {
            s.cancel();
        }
    }

    /** The settings from the fields; throws IllegalArgumentException with a message for the user. */
    SyncSettings settings() {
        return settings(true);
    }

    private SyncSettings settings(boolean needBucket) {
        String url = endpoint.get() == null ? "" : endpoint.get().strip();
        SyncSettings s = new SyncSettings(bucket.get(), prefix.get(), region.get(), profile.get(), url, prefixes);
        if (needBucket && s.bucket() == null) {
            throw new IllegalArgumentException("Give the bucket Papertrail archives to");
        }
        PrefixFormat f;
        try {
            f = new PrefixFormat(s.prefix(), layout.get(), inputFormat.get(), fields.get(), textPattern.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Prefix " + (s.prefix().isEmpty() ? "(none)" : s.prefix()) + ": "
                    + e.getMessage(), e);
        }
        return s.withFormat(f);
    }

    private void start(Mode mode) {
        if (busy.get()) {
            return;
        }
        SyncSettings settings;
        LocalDate first = from.get();
        LocalDate last = to.get();
        try {
            settings = settings();
            if (mode != Mode.RETRY) {
                if (first == null || last == null) {
                    throw new IllegalArgumentException("Give the first and the last day of the range");
                }
                if (last.isBefore(first)) {
                    throw new IllegalArgumentException("The last day " + last + " is before the first day " + first);
                }
                if (first.plusDays(MAX_DAYS).isBefore(last)) {
                    throw new IllegalArgumentException("The range is longer than " + MAX_DAYS + " days");
                }
            }
        } catch (IllegalArgumentException e) {
            state.set(State.FAILED);
            message.set(e.getMessage());
            return;
        }
        cancelRequested = false;
        progress.set(0);
        progressText.set("");
        state.set(mode == Mode.LIST ? State.LISTING : State.SYNCING);
        message.set(mode == Mode.RETRY ? "Checking the failed archives…"
                : "Listing s3://" + settings.bucket() + "/" + settings.prefix() + " for " + first + " to " + last + "…");
        executor.execute(new BackgroundTask<SyncReport>() {
            @Override
            protected SyncReport call() {
                try (SyncService.Session session = service.open(settings)) {
                    running = session;
                    if (cancelRequested) {
                        session.cancel();
                    }
                    SyncPlan plan = mode == Mode.RETRY ? session.planRetryFailed() : session.plan(first, last);
                    PrefixFormat format = settings.formatFor(settings.prefix());
                    List<String> formats = plan.archives().stream().map(format::formatShown).toList();
                    executor.runOnUi(() -> showPlan(plan, formats, settings, mode));
                    if (mode == Mode.LIST) {
                        return null;
                    }
                    return session.run(plan, new SyncListener() {
                        @Override
                        public void progress(SyncProgress p) {
                            publish(() -> showProgress(p));
                        }

                        @Override
                        public void failed(FailedArchive f) {
                            executor.runOnUi(() -> mark(f.key(), ArchiveRow.Status.FAILED, f.reason()));
                        }
                    }, batch -> {
                        Map<String, String> shown = new HashMap<>();
                        batch.archives().forEach(a -> shown.put(a.key(), format.formatOfFile(a.localFile())));
                        executor.runOnUi(() -> {
                        batch.archives().forEach(a -> mark(a.key(), ArchiveRow.Status.SYNCED, "", shown.get(a.key())));
                        ImportJob job = importer.apply(batch.files(), session.readerOptions());
                        // An archive the queue could not read: failed, and left alone by the next syncs.
                        job.result().thenAccept(result -> {
                            if (result != null) {
                                for (SyncService.Unreadable u : SyncService.unreadable(batch, result, job.fileProblems())) {
                                    FailedArchive f = session.markUnreadable(u);
                                    mark(f.key(), ArchiveRow.Status.FAILED, f.reason());
                                }
                            }
                        });
                        });
                    });
                } finally {
                    running = null;
                }
            }
        }.onSuccess(report -> finished(mode, report))
                .onFailure(e -> {
                    state.set(State.FAILED);
                    message.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }));
    }

    private void showPlan(SyncPlan plan, List<String> formats, SyncSettings s, Mode mode) {
        // The message first: whoever watches the list (a test on another thread) then reads it with the rows.
        message.set(String.format(Locale.ROOT, "%d archives in s3://%s/%s%s: %d new, %d changed, %d failed before,"
                        + " %d synced (%s to download)", plan.archives().size(), s.bucket(), s.prefix(),
                mode == Mode.RETRY ? " in the failed list" : "", plan.count(PlannedArchive.Status.NEW),
                plan.count(PlannedArchive.Status.CHANGED), plan.count(PlannedArchive.Status.FAILED),
                plan.count(PlannedArchive.Status.SYNCED), megabytes(plan.bytesToDownload())));
        prefixes.setAll(s.formats()); // saved with the session
        shownSaved = savedFormat(s.prefix()).orElse(null);
        List<ArchiveRow> rows = new java.util.ArrayList<>(plan.archives().size());
        rowOfKey.clear();
        for (int i = 0; i < plan.archives().size(); i++) {
            PlannedArchive a = plan.archives().get(i);
            rowOfKey.put(a.remote().key(), rows.size());
            rows.add(new ArchiveRow(a.remote().key(), a.remote().day(), a.remote().size(),
                    ArchiveRow.Status.valueOf(a.status().name()), "", formats.get(i)));
        }
        archives.setAll(rows);
    }

    private void showProgress(SyncProgress p) {
        progress.set(p.bytesTotal() > 0 ? Math.min(1, (double) p.bytesDone() / p.bytesTotal())
                : p.filesTotal() > 0 ? (double) p.filesDone() / p.filesTotal() : 1);
        progressText.set(String.format(Locale.ROOT, "%d of %d archives · %s of %s · %s/s%s", p.filesDone(),
                p.filesTotal(), megabytes(p.bytesDone()), megabytes(p.bytesTotal()),
                megabytes((long) p.bytesPerSecond()), p.currentKey() == null ? "" : " · " + printable(p.currentKey())));
    }

    private void mark(String key, ArchiveRow.Status status, String reason) {
        Integer i = rowOfKey.get(key);
        if (i != null) {
            archives.set(i, archives.get(i).with(status, reason));
        }
    }

    private void mark(String key, ArchiveRow.Status status, String reason, String format) {
        Integer i = rowOfKey.get(key);
        if (i != null) {
            archives.set(i, archives.get(i).with(status, reason).withFormat(format));
        }
    }

    /** Prefixes compare as the settings keep them: without slashes at the ends. */
    private static final class SyncSettingsNormal {
        static boolean same(String typed, String saved) {
            return typed != null && new PrefixFormat(typed, null, null, null).prefix().equals(saved);
        }
    }

    private void finished(Mode mode, SyncReport report) {
        if (mode == Mode.LIST) {
            state.set(State.LISTED);
            return;
        }
        lastReport.set(report);
        double secs = Math.max(1e-3, report.elapsed().toNanos() / 1e9);
        String text = String.format(Locale.ROOT, "%s %d archives (%s) in %.1f s; %d already synced; %d failed%s",
                report.cancelled() ? "Cancelled after downloading" : "Downloaded", report.downloaded().size(),
                megabytes(report.bytesDownloaded()), secs, report.alreadySynced().size(), report.failed().size(),
                report.failed().isEmpty() ? "." : " (Retry failed tries them again).");
        if (!report.stillUnreadable().isEmpty()) {
            text += String.format(Locale.ROOT, " %d could not be read before and are unchanged: not read again.",
                    report.stillUnreadable().size());
        }
        if (!report.cancelled()) {
            progress.set(1);
            text += " Synced archives are imported in the background (status bar).";
        }
        message.set(text);
        state.set(report.cancelled() ? State.CANCELLED : State.DONE);
    }

}
