package dev.tracelens.sync;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Syncs the Papertrail archives of a date range from S3 into the local cache.
 *
 * <p>Only the {@code <prefix>/dt=YYYY-MM-DD/} folders of the range are listed (a Papertrail bucket
 * holds years of archives; listing it all would take minutes). Each listed archive is compared with
 * the {@link SyncState}; new, changed and previously failed ones are downloaded by a bounded pool of
 * threads while the caller's thread hands finished archives, in key (= time) order, to its
 * {@code Consumer<SyncedArchive>} (the store import), so import and download overlap.
 *
 * <p>One instance serves one sync: {@link #cancel()} is permanent.
 */
public final class S3ArchiveSync {
    /** Longest range listed in one sync: ten years of daily folders. */
    static final int MAX_DAYS = 3660;
    private static final long PROGRESS_INTERVAL_NANOS = 200_000_000L;

    private final S3Client s3;
    private final SyncSettings settings;
    private final SyncOptions options;
    private final ArchiveCache cache;
    private final SyncState state;
    private final KeyLayout layout;
    private volatile boolean cancelled;

    /**
     * @param s3       a client from {@link S3ClientFactory}
     * @param settings bucket and prefix to sync (must have a bucket)
     * @param cacheDir the user's sync cache folder (see {@link dev.tracelens.common.UserDirs#syncCache()})
     * @param options  parallelism and retries
     */
    public S3ArchiveSync(S3Client s3, SyncSettings settings, Path cacheDir, SyncOptions options) {
        this(s3, settings, settings.formatFor(settings.prefix()).keyLayout(), cacheDir, options);
    }

    /** As above, for keys laid out as {@code layout} says (the settings' layout of the prefix by default). */
    public S3ArchiveSync(S3Client s3, SyncSettings settings, KeyLayout layout, Path cacheDir, SyncOptions options) {
        if (settings.bucket() == null) {
            throw new IllegalArgumentException("No bucket given");
        }
        this.s3 = s3;
        this.settings = settings;
        this.options = options;
        this.layout = java.util.Objects.requireNonNull(layout, "layout");
        this.cache = new ArchiveCache(cacheDir, settings.bucket(), settings.prefix());
        this.state = SyncState.load(cache.root());
    }

    public ArchiveCache cache() {
        return cache;
    }

    /** The failed list from earlier runs: key to reason. */
    public Map<String, String> failedKeys() {
        Map<String, String> out = new java.util.TreeMap<>();
        state.failed().forEach((k, e) -> out.put(k, e.reason()));
        return out;
    }

    /**
     * Lists the archives of {@code from..to} (inclusive) and compares them with the cache.
     *
     * @throws SyncException with a one-sentence message when S3 cannot be listed
     */
    public SyncPlan plan(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("Date range longer than " + MAX_DAYS + " days: " + from + ".." + to);
        }
        List<PlannedArchive> out = new ArrayList<>();
        List<String> sources = layout.sourcesFirst() ? sources() : java.util.Collections.singletonList(null);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (String source : sources) {
                String dayPrefix = layout.isPapertrail() ? cache.dayPrefix(day) : layout.dayPrefix(settings.prefix(), source, day);
                // encoding-type=url: keys with control characters cannot travel in XML 1.0 otherwise
                // (the SDK decodes them again).
                ListObjectsV2Request req = ListObjectsV2Request.builder()
                        .bucket(settings.bucket()).prefix(dayPrefix).encodingType(EncodingType.URL).build();
                try {
                    for (S3Object o : s3.listObjectsV2Paginator(req).contents()) {
                        if (o.key().endsWith("/") || (!layout.isPapertrail() && !day.equals(layout.dayOf(settings.prefix(), o.key())))) {
                            continue; // a "folder" marker some tools create, or a key the layout does not place on this day
                        }
                        RemoteArchive remote = new RemoteArchive(o.key(), day, unquote(o.eTag()), o.size(), o.lastModified());
                        out.add(planned(remote, false));
                    }
                } catch (SdkException e) {
                    throw new SyncException(S3Errors.describe(e, settings), e);
                }
            }
        }
        out.sort(Comparator.comparing(a -> a.remote().key()));
        return new SyncPlan(out);
    }

    /**
     * A plan of only the archives in the failed list, at their current ETag and size. Keys that
     * no longer exist are dropped from the list.
     */
    public SyncPlan planRetryFailed() {
        List<PlannedArchive> out = new ArrayList<>();
        try {
            for (var e : state.failed().entrySet()) {
                try {
                    HeadObjectResponse head = s3.headObject(b -> b.bucket(settings.bucket()).key(e.getKey()));
                    RemoteArchive remote = new RemoteArchive(e.getKey(), e.getValue().localDay(),
                            unquote(head.eTag()), head.contentLength(), head.lastModified());
                    out.add(planned(remote, true));
                } catch (AwsServiceException ex) {
                    if (ex.statusCode() == 404) {
                        state.remove(e.getKey());
                        continue;
                    }
                    throw new SyncException(S3Errors.describe(ex, settings), ex);
                } catch (SdkException ex) {
                    throw new SyncException(S3Errors.describe(ex, settings), ex);
                }
            }
        } finally {
            state.flush(); // the keys forgotten above, written once (--list never reaches a later flush)
        }
        return new SyncPlan(out);
    }

    /** The {@code {source}} segments under the layout's sources folder: one delimiter listing. */
    private List<String> sources() {
        String above = layout.sourcesPrefix(settings.prefix());
        ListObjectsV2Request req = ListObjectsV2Request.builder().bucket(settings.bucket()).prefix(above)
                .delimiter("/").encodingType(EncodingType.URL).build();
        List<String> out = new ArrayList<>();
        try {
            for (var page : s3.listObjectsV2Paginator(req)) {
                for (var common : page.commonPrefixes()) {
                    String p = common.prefix();
                    if (p.startsWith(above) && p.endsWith("/") && p.length() > above.length() + 1) {
                        out.add(p.substring(above.length(), p.length() - 1));
                    }
                }
            }
        } catch (SdkException e) {
            throw new SyncException(S3Errors.describe(e, settings), e);
        }
        return out;
    }

    private PlannedArchive planned(RemoteArchive remote, boolean forceRetry) {
        Path file = cache.fileFor(remote.key(), remote.day());
        Optional<SyncState.Entry> entry = state.get(remote.key());
        PlannedArchive.Status status;
        if (entry.isEmpty()) {
            status = PlannedArchive.Status.NEW;
        } else if (entry.get().status() == SyncState.Status.FAILED || forceRetry) {
            status = PlannedArchive.Status.FAILED;
        } else if (!sameFile(file, entry.get().size())) {
            status = PlannedArchive.Status.NEW; // synced once, but the file was removed or damaged
        } else if (entry.get().size() != remote.size() || !String.valueOf(entry.get().etag()).equals(remote.etag())) {
            status = PlannedArchive.Status.CHANGED;
        } else if (entry.get().status() == SyncState.Status.UNREADABLE) {
            status = PlannedArchive.Status.UNREADABLE;
        } else {
            status = PlannedArchive.Status.SYNCED;
        }
        return new PlannedArchive(remote, status, file);
    }

    private static boolean sameFile(Path file, long size) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == size;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Downloads what the plan needs and hands every synced archive of the plan (already synced
     * ones first in their turn, without download) to {@code ready}, on the calling thread, in key
     * order. Failures go into the failed list of the state instead of stopping the sync.
     *
     * @param ready receives each archive once it is complete in the cache; if it throws, the sync
     *              is cancelled and the exception propagates
     */
    public SyncReport run(SyncPlan plan, SyncListener listener, Consumer<SyncedArchive> ready) {
        return runBatches(plan, listener, batch -> batch.forEach(ready));
    }

    /**
     * Like {@link #run}, but hands archives over in batches: each batch is the next archive in
     * key order (waited for) plus every following one that is already complete. An importer that
     * is slower than the downloads thus gets few, large batches, which suits an import that pays
     * a fixed cost per call (e.g. re-reading the previous archive to join tracebacks that cross
     * the hour boundary).
     */
    public SyncReport runBatches(SyncPlan plan, SyncListener listener, Consumer<List<SyncedArchive>> ready) {
        long start = System.nanoTime();
        List<PlannedArchive> all = plan.archives();
        List<PlannedArchive> downloads = plan.toDownload();
        Progress progress = new Progress(listener, downloads.size(), plan.bytesToDownload(), start);
        listener.planned(plan);
        ArchiveDownloader downloader = new ArchiveDownloader(s3, settings, options);

        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.parallelism(), downloads.size())),
                r -> {
                    Thread t = new Thread(r, "tracelens-sync-" + threadNo.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        List<Future<Outcome>> futures = new ArrayList<>(all.size());
        for (PlannedArchive p : all) {
            futures.add(p.status().needsDownload() ? pool.submit(() -> downloadOne(p, downloader, progress, listener)) : null);
        }
        pool.shutdown();

        List<SyncedArchive> downloaded = new ArrayList<>();
        List<SyncedArchive> already = new ArrayList<>();
        List<FailedArchive> failed = new ArrayList<>();
        List<FailedArchive> unreadable = new ArrayList<>();
        long handoffNanos = 0;
        int i = 0;
        try {
            while (i < all.size() && !cancelled) {
                List<SyncedArchive> batch = new ArrayList<>();
                while (i < all.size() && !cancelled) {
                    PlannedArchive p = all.get(i);
                    Future<Outcome> f = futures.get(i);
                    if (!batch.isEmpty() && f != null && !f.isDone()) {
                        break; // hand over what is ready rather than wait
                    }
                    i++;
                    if (p.status() == PlannedArchive.Status.UNREADABLE) {
                        unreadable.add(new FailedArchive(p.remote().key(), state.get(p.remote().key())
                                .map(SyncState.Entry::reason).orElse("it could not be read")));
                        continue; // unchanged since it could not be read: not imported again
                    }
                    if (f == null) {
                        SyncedArchive a = new SyncedArchive(p.remote().key(), p.localFile(), p.remote().etag(),
                                p.remote().size(), false);
                        already.add(a);
                        batch.add(a);
                        continue;
                    }
                    Outcome o = await(f);
                    if (o == null) {
                        continue; // cancelled
                    }
                    if (o.failed() != null) {
                        failed.add(o.failed());
                        continue;
                    }
                    downloaded.add(o.synced());
                    batch.add(o.synced());
                }
                if (!batch.isEmpty() && !cancelled) {
                    long t0 = System.nanoTime();
                    try {
                        ready.accept(List.copyOf(batch));
                    } finally {
                        handoffNanos += System.nanoTime() - t0;
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            cancel();
            throw e;
        } finally {
            if (cancelled) {
                pool.shutdownNow();
            }
            awaitQuietly(pool);
            state.flush();
        }
        progress.report(null);
        return new SyncReport(downloaded, already, failed, progress.bytes.get(),
                Duration.ofNanos(System.nanoTime() - start), Duration.ofNanos(handoffNanos), cancelled, unreadable);
    }

    /**
     * Records that a synced archive could not be read (by the import that got it from
     * {@link #runBatches}): it goes into the failed list with that reason, and later syncs neither
     * download nor hand it over again until S3 has it at another ETag or size, or
     * {@link #planRetryFailed()} asks for it.
     */
    public void markUnreadable(String key, String reason) {
        state.markUnreadable(key, reason);
    }

    /** Stops the sync soon: downloads stop between chunks, keeping their part files for next time. */
    public void cancel() {
        cancelled = true;
    }

    private Outcome await(Future<Outcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            // An interrupt of the caller's thread is a request to cancel.
            cancel();
            Thread.currentThread().interrupt();
            return null;
        } catch (CancellationException e) {
            return null;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        try {
            while (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Outcome downloadOne(PlannedArchive p, ArchiveDownloader downloader, Progress progress, SyncListener listener) {
        if (cancelled) {
            return null;
        }
        RemoteArchive r = p.remote();
        progress.current = r.key();
        try {
            downloader.download(r, p.localFile(), n -> progress.add(n, r.key()), () -> cancelled);
            state.markSynced(r);
            progress.fileDone(r.key());
            return new Outcome(new SyncedArchive(r.key(), p.localFile(), r.etag(), r.size(), true), null);
        } catch (CancellationException e) {
            return null;
        } catch (ArchiveDownloader.DownloadFailed e) {
            return fail(r, e.getMessage(), progress, listener);
        } catch (RuntimeException e) {
            return fail(r, "Unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(), progress, listener);
        }
    }

    private Outcome fail(RemoteArchive r, String reason, Progress progress, SyncListener listener) {
        FailedArchive f = new FailedArchive(r.key(), reason);
        state.markFailed(r, reason);
        progress.fileDone(r.key());
        listener.failed(f);
        return new Outcome(null, f);
    }

    private static String unquote(String etag) {
        if (etag == null) {
            return null;
        }
        String e = etag.trim();
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            e = e.substring(1, e.length() - 1);
        }
        return e;
    }

    /** The result of one download: exactly one of the two is set. */
    private record Outcome(SyncedArchive synced, FailedArchive failed) {
    }

    /** Shared counters of a run; reports at most every 200 ms plus once per finished file. */
    private static final class Progress {
        final SyncListener listener;
        final int filesTotal;
        final long bytesTotal;
        final long start;
        final AtomicLong bytes = new AtomicLong();
        final AtomicInteger files = new AtomicInteger();
        final AtomicLong lastReport = new AtomicLong();
        volatile String current;

        Progress(SyncListener listener, int filesTotal, long bytesTotal, long start) {
            this.listener = listener;
            this.filesTotal = filesTotal;
            this.bytesTotal = bytesTotal;
            this.start = start;
            this.lastReport.set(start);
        }

        void add(long n, String key) {
            bytes.addAndGet(n);
            current = key;
            long now = System.nanoTime();
            long last = lastReport.get();
            if (now - last >= PROGRESS_INTERVAL_NANOS && lastReport.compareAndSet(last, now)) {
                report(key);
            }
        }

        void fileDone(String key) {
            files.incrementAndGet();
            report(key);
        }

        void report(String key) {
            double secs = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
            long b = bytes.get();
            listener.progress(new SyncProgress(files.get(), filesTotal, b, bytesTotal, key != null ? key : current, b / secs));
        }
    }
}
