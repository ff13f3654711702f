package dev.tracelens.ui;

import dev.tracelens.archive.ArchiveReader;
import dev.tracelens.archive.Problem;
import dev.tracelens.ui.detail.GroupDetailViewModel;
import dev.tracelens.engine.GroupQuery;
import dev.tracelens.engine.TracebackLibrary;
import dev.tracelens.ui.export.ExportViewModel;
import dev.tracelens.ui.sync.SyncViewModel;
import dev.tracelens.sync.S3ClientFactory;
import dev.tracelens.sync.SyncOptions;
import dev.tracelens.sync.SyncSettingsFile;
import dev.tracelens.common.UserDirs;
import dev.tracelens.ui.groups.GroupsViewModel;
import dev.tracelens.ui.imports.ImportJob;
import dev.tracelens.ui.imports.ImportQueue;
import dev.tracelens.ui.settings.Settings;
import dev.tracelens.ui.settings.SettingsStore;
import dev.tracelens.ui.task.BackgroundTask;
import dev.tracelens.ui.task.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The window's state and commands: opening archives (queued imports), the first-start sample
 * data, the groups list and the selected group's detail, and the settings that survive a
 * restart. Holds no controls; the view binds to it.
 */
public final class MainViewModel {
    /** Groups are re-queried at most this often while an import commits archive after archive. */
    static final long RELOAD_INTERVAL_MILLIS = 750;
    /** Reloads while an archive is still being read, once groups are showing. */
    static final long LIVE_RELOAD_INTERVAL_MILLIS = 2000;
    /** Until the first groups show. */
    static final long FIRST_GROUPS_INTERVAL_MILLIS = 200;

    private final TracebackLibrary library;
    private final TaskExecutor executor;
    private final SettingsStore settingsStore;
    private final Path sampleLogs;
    private final Path storeLocation;
    private final LongSupplier clock;

    private final GroupsViewModel groups;
    private final GroupDetailViewModel detail;
    private final dev.tracelens.ui.grouping.GroupingViewModel grouping;
    private final ImportQueue imports;
    private final ExportViewModel export;
    private final dev.tracelens.ui.live.LiveViewModel live;
    private SyncViewModel sync;
    private dev.tracelens.ui.archives.ArchivesViewModel archives;
    private final ReadOnlyObjectWrapper<Settings> settings;
    private final ReadOnlyBooleanWrapper sampleBanner = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<dev.tracelens.ui.imports.UnreadableNotice> unreadable = new ReadOnlyObjectWrapper<>();
    private long lastReload = Long.MIN_VALUE / 2;
    /** The list may not show the last commit: a commit's reload was skipped, or it shows uncommitted rows. */
    private boolean reloadOwed;

    /**
     * @param sampleLogs    the bundled sample archives (may not exist, e.g. in an installed app)
     * @param storeLocation shown in the status bar and settings
     */
    public MainViewModel(TracebackLibrary library, TaskExecutor executor, SettingsStore settingsStore,
                         Path sampleLogs, Path storeLocation, LongSupplier clock) {
        this.library = Objects.requireNonNull(library);
        this.executor = Objects.requireNonNull(executor);
        this.settingsStore = Objects.requireNonNull(settingsStore);
        this.sampleLogs = sampleLogs;
        this.storeLocation = storeLocation;
        this.clock = clock;
        this.settings = new ReadOnlyObjectWrapper<>(settingsStore.load());
        this.groups = new GroupsViewModel(library, executor);
        this.detail = new GroupDetailViewModel(library, executor);
        this.grouping = new dev.tracelens.ui.grouping.GroupingViewModel(library, executor, groups::reload);
        this.imports = new ImportQueue(library, executor, () -> settings.get().contextLines(),
                () -> dev.tracelens.traceback.TraceOptions.DEFAULT.withInApp(
                        new dev.tracelens.traceback.InApp(settings.get().inAppPrefixes())), this::onCommitted);
        imports.setOnProgress(this::onImportProgress);
        this.live = new dev.tracelens.ui.live.LiveViewModel(library, executor, () -> settings.get().liveAddress(),
                () -> settings.get().contextLines(),
                () -> dev.tracelens.traceback.TraceOptions.DEFAULT.withInApp(
                        new dev.tracelens.traceback.InApp(settings.get().inAppPrefixes())), groups::reload);
        this.export = new ExportViewModel(library, executor, () -> groups.queryProperty().get(),
                () -> groups.selectedProperty().get(), Clock.systemDefaultZone());
        // A user's pick shows at once; after a list update the detail reloads once, with the new span.
        groups.selectedProperty().addListener((o, a, g) -> {
            if (!groups.isReplacingList()) {
                detail.show(g, detailQuery());
            }
        });
        groups.listVersionProperty().addListener((o, a, v) -> detail.show(groups.selectedProperty().get(),
                detailQuery()));
        groups.facetsProperty().addListener((o, a, f) -> status.set(String.format(Locale.ROOT,
                "%,d tracebacks stored", f.tracebacks())));
        sampleBanner.set(settings.get().sampleDataOnly());
        groups.selectWhenListed(settings.get().selectedFingerprint());
    }

    public GroupsViewModel groups() {
        return groups;
    }

    /** Merge, split and undo on the groups (grouping rules). */
    public dev.tracelens.ui.grouping.GroupingViewModel grouping() {
        return grouping;
    }

    public GroupDetailViewModel detail() {
        return detail;
    }

    public ImportQueue imports() {
        return imports;
    }

    /** File → Imported archives…: made on first use; a removal reloads the groups. */
    public dev.tracelens.ui.archives.ArchivesViewModel archives() {
        if (archives == null) {
            archives = new dev.tracelens.ui.archives.ArchivesViewModel(library, executor, groups::reload);
        }
        return archives;
    }

    /**
     * File → Sync from S3…: made on first use (it reads {@code sync.json}, shared with {@code
     * tracelens sync}, beside {@code ui.json}); synced archives go to the import queue.
     */
    public SyncViewModel sync() {
        if (sync == null) {
            Path configDir = settingsStore.file().toAbsolutePath().getParent();
            String cache = System.getProperty("tracelens.sync.cache.dir");
            SyncOptions options = SyncOptions.defaults();
            sync = new SyncViewModel(executor, new SyncSettingsFile(configDir),
                    cache == null || cache.isBlank() ? UserDirs.current().syncCache() : Path.of(cache),
                    s -> S3ClientFactory.create(s, options), options, this::importSynced, Clock.systemUTC());
        }
        return sync;
    }

    /** On quit: a running sync stops between chunks and saves its state (its part files resume next time). */
    public void cancelSync() {
        if (sync != null) {
            sync.cancel();
        }
    }

    /** Synced archives, a batch at a time in time order, into the import queue (not the recent list). */
    private ImportJob importSynced(List<Path> files, dev.tracelens.archive.ReaderOptions reading) {
        if (sampleBanner.get() || settings.get().sampleDataOnly()) {
            sampleBanner.set(false);
            updateSettings(settings.get().withSampleData(true, false));
        }
        return imports.enqueue(files, reading);
    }

    /**
     * Files the user opened that could not be read as logs, named with the reason (the window shows
     * it until dismissed, with "Open as…" for the files no row could be read from); null when none.
     */
    public ReadOnlyObjectProperty<dev.tracelens.ui.imports.UnreadableNotice> unreadableProperty() {
        return unreadable.getReadOnlyProperty();
    }

    public void dismissUnreadable() {
        unreadable.set(null);
    }

    /** File → Export…: the report of the listed or the selected groups. */
    /** The Live toggle (syslog on the settings' address into the store). */
    public dev.tracelens.ui.live.LiveViewModel live() {
        return live;
    }

    public ExportViewModel export() {
        return export;
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** Whether the store holds only the bundled sample logs (the banner says so and offers removal). */
    public ReadOnlyBooleanProperty sampleBannerProperty() {
        return sampleBanner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Path storeLocation() {
        return storeLocation;
    }

    /**
     * First thing after the window shows: opens the paths given on the command line, or on the
     * very first start with an empty store imports the sample logs, so a newcomer sees groups.
     */
    public void start(List<Path> commandLinePaths) {
        groups.reload();
        if (!commandLinePaths.isEmpty()) {
            open(commandLinePaths);
            return;
        }
        Settings s = settings.get();
        if (s.sampleDataOffered() || sampleLogs == null || !Files.isDirectory(sampleLogs)) {
            return;
        }
        executor.execute(BackgroundTask.of(() -> library.facets().tracebacks()).onSuccess(count -> {
            updateSettings(settings.get().withSampleData(true, count == 0));
            if (count == 0) {
                sampleBanner.set(true);
                imports.enqueue(List.of(sampleLogs));
            }
        }));
    }

    /**
     * Queues an import of these files and folders. Paths that do not exist or are not archives
     * become problems; they never stop the others.
     */
    private static boolean hasLogFiles(Path folder) {
        try {
            return ArchiveReader.hasLogFiles(folder);
        } catch (java.io.IOException e) {
            return true; // the import says why the folder cannot be listed
        }
    }

    public ImportJob open(List<Path> paths) {
        return open(paths, dev.tracelens.archive.ReaderOptions.defaults());
    }

    /**
     * Queues an import of these files and folders read as {@code reading} says (File → Open as…).
     * A file is read whatever its name, as the command line does: its bytes say what it is, and
     * one that is not a log is refused with the reason. Paths that do not exist and folders without
     * logs are said at once; when the import ends, files it could not read as logs are named in
     * {@link #unreadableProperty()}.
     */
    public ImportJob open(List<Path> paths, dev.tracelens.archive.ReaderOptions reading) {
        List<Path> good = new ArrayList<>();
        List<Problem> bad = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p) && !hasLogFiles(p)) {
                bad.add(ArchiveReader.noLogFilesIn(p)); // said now, not as an import that silently finds nothing
            } else if (Files.isDirectory(p) || Files.isRegularFile(p)) {
                good.add(p.toAbsolutePath().normalize());
            } else {
                bad.add(new Problem(p.toString(), 0, Problem.Kind.UNREADABLE_FILE, "no such file or folder"));
            }
        }
        unreadable.set(null);
        if (!bad.isEmpty()) {
            imports.problems().addAll(bad);
            unreadable.set(dev.tracelens.ui.imports.UnreadableNotice.of(bad, List.of()).orElse(null));
        }
        if (good.isEmpty()) {
            return null;
        }
        Settings s = settings.get();
        for (Path p : good.reversed()) {
            s = s.withRecent(p.toString());
        }
        boolean onlySamples = sampleLogs != null && good.stream().allMatch(p -> isSample(p));
        if (!onlySamples) {
            s = s.withSampleData(true, false);
            sampleBanner.set(false);
        }
        updateSettings(s);
        ImportJob job = imports.enqueue(good, reading);
        job.result().thenAccept(result -> dev.tracelens.ui.imports.UnreadableNotice.of(job, result).ifPresent(n -> {
            var before = unreadable.get();
            unreadable.set(before == null ? n : new dev.tracelens.ui.imports.UnreadableNotice(before.text() + " " + n.text(),
                    java.util.stream.Stream.concat(before.files().stream(), n.files().stream()).toList()));
        }));
        return job;
    }

    private boolean isSample(Path p) {
        try {
            return p.toAbsolutePath().normalize().startsWith(sampleLogs.toAbsolutePath().normalize());
        } catch (RuntimeException e) {
            return false;
        }
    }


    /** Deletes the sample tracebacks (the store holds nothing else while the banner shows). */
    public void removeSampleData() {
        imports.cancelAll();
        sampleBanner.set(false);
        updateSettings(settings.get().withSampleData(true, false));
        executor.execute(BackgroundTask.of(() -> {
            library.clear();
            return null;
        }).onFinished(groups::reload));
    }

    public void dismissSampleBanner() {
        sampleBanner.set(false);
    }

    /** Replaces the settings and writes them to disk. */
    public void updateSettings(Settings s) {
        settings.set(s);
        try {
            settingsStore.save(s);
        } catch (RuntimeException e) {
            status.set(e.getMessage());
        }
    }

    /**
     * The list's query for the detail pane: its chart spans the time filter when one is set, else
     * the group's own first to last occurrence (a chart over the whole store's span shrinks a
     * group to a sliver when the archives are years apart).
     */
    private GroupQuery detailQuery() {
        return groups.queryProperty().get();
    }

    /**
     * While an import runs, shows what it has found so far: right away for the first groups
     * (a newcomer should not wait for a whole file), then at most every {@link
     * #LIVE_RELOAD_INTERVAL_MILLIS}, because each reload queries the whole store.
     */
    private void onImportProgress(long tracebacksSoFar) {
        if (tracebacksSoFar == 0) {
            return;
        }
        long now = clock.getAsLong();
        long interval = groups.groups().isEmpty() ? FIRST_GROUPS_INTERVAL_MILLIS : LIVE_RELOAD_INTERVAL_MILLIS;
        if (now - lastReload >= interval) {
            lastReload = now;
            reloadOwed = true; // it shows rows a cancel could still take back
            groups.reloadShowingUncommitted();
        }
    }

    /**
     * After each commit of a running import (at most every {@link #RELOAD_INTERVAL_MILLIS}), and
     * when an import has ended: then only if the list may not show the last commit, because the
     * last archive's commit has usually just reloaded it.
     */
    private void onCommitted() {
        long now = clock.getAsLong();
        boolean idle = imports.currentProperty().get() == null
                || imports.currentProperty().get().stateProperty().get() != ImportJob.State.RUNNING;
        if (idle ? reloadOwed : now - lastReload >= RELOAD_INTERVAL_MILLIS) {
            lastReload = now;
            reloadOwed = false;
            groups.reload();
        } else if (!idle) {
            reloadOwed = true;
        }
    }
}
