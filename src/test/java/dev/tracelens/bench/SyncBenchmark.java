package dev.tracelens.bench;

import dev.tracelens.sync.S3ArchiveSync;
import dev.tracelens.sync.S3ClientFactory;
import dev.tracelens.sync.S3ProxyServer;
import dev.tracelens.sync.SyncListener;
import dev.tracelens.sync.SyncOptions;
import dev.tracelens.sync.SyncPlan;
import dev.tracelens.sync.SyncProgress;
import dev.tracelens.sync.SyncReport;
import dev.tracelens.sync.SyncSettings;
import dev.tracelens.sync.SyncedArchive;
import dev.tracelens.traceback.ScanSummary;
import dev.tracelens.traceback.TracebackScanner;
import dev.tracelens.archive.ReadProgress;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * Sync speed: 24 hourly archives of 20 MB each from a loopback s3proxy (filesystem backend, a
 * separate JVM), through the AWS SDK, into a fresh cache. A main class, not a test.
 *
 * <p>Run from the project folder (s3proxy's jar is copied to target/s3proxy by test-compile):
 * <pre>
 * mvn -q -B test-compile exec:exec@tool -Dtool=dev.tracelens.bench.SyncBenchmark \
 *     -Dtool.args="/tmp/tracelens-sync-bench 24 20"
 * </pre>
 * Three runs: download only with 1 and with 4 parallel downloads, then 4 downloads with every
 * archive scanned for tracebacks (reader + assembler, the CPU-heavy part of an import; the Lucene
 * store is not wired into sync yet) on the caller's thread as it completes, in time order. The last
 * run shows how much of the scan time hides behind the downloads.
 */
public final class SyncBenchmark {
    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "/tmp/tracelens-sync-bench");
        int archives = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        int megabytes = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Files.createDirectories(work);
        Path archive = work.resolve("archive-" + megabytes + "mb.tsv.gz");
        if (!Files.exists(archive)) {
            long t0 = System.nanoTime();
            generate(archive, megabytes * 1_000_000L);
            System.out.printf("generated %s (%d bytes) in %.1f s%n", archive, Files.size(archive), secs(t0));
        }
        S3ProxyServer.deleteTree(work.resolve("s3proxy"));
        try (S3ProxyServer server = S3ProxyServer.start("filesystem", work.resolve("s3proxy"), "512m");
             S3Client admin = server.adminClient()) {
            String bucket = "bench";
            admin.createBucket(b -> b.bucket(bucket));
            LocalDate day = LocalDate.of(2024, 3, 1);
            long t0 = System.nanoTime();
            for (int h = 0; h < archives; h++) {
                String key = String.format("papertrail/logs/dt=%s/%s-%02d.tsv.gz", day, day, h);
                admin.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(archive));
            }
            long total = archives * Files.size(archive);
            System.out.printf("uploaded %d archives, %.1f MB, in %.1f s%n", archives, total / 1e6, secs(t0));
            SyncSettings settings = server.settings(bucket);

            run("download only, 1 at a time", settings, work, 1, day, batch -> { });
            run("download only, 4 at a time", settings, work, 4, day, batch -> { });
            AtomicLong tracebacks = new AtomicLong();
            AtomicLong rows = new AtomicLong();
            TracebackScanner scanner = new TracebackScanner(5);
            run("4 at a time + traceback scan of each archive", settings, work, 4, day, batch -> {
                for (SyncedArchive a : batch) {
                    ScanSummary s = scanner.scan(List.of(a.localFile()), t -> tracebacks.incrementAndGet(), ReadProgress.NONE);
                    rows.addAndGet(s.rows());
                }
            });
            System.out.printf("  scanned %,d rows, %,d tracebacks%n", rows.get(), tracebacks.get());
            Path storeDir = work.resolve("store");
            S3ProxyServer.deleteTree(storeDir);
            try (dev.tracelens.store.TracebackStore store = dev.tracelens.store.TracebackStore.open(storeDir)) {
                dev.tracelens.store.StoreImporter importer = new dev.tracelens.store.StoreImporter(store,
                        dev.tracelens.traceback.TracebackAssembler.DEFAULT_CONTEXT_ROWS);
                Path[] previous = {null};
                run("4 at a time + store import (as tracelens sync does)", settings, work, 4, day, batch -> {
                    List<Path> files = new java.util.ArrayList<>();
                    if (previous[0] != null) {
                        files.add(previous[0]);
                    }
                    batch.forEach(a -> files.add(a.localFile()));
                    importer.importArchives(files, dev.tracelens.store.ImportListener.NONE);
                    previous[0] = batch.getLast().localFile();
                });
                System.out.printf("  the store holds %,d tracebacks, %.1f MB on disk%n", store.tracebackCount(),
                        store.sizeOnDisk() / 1e6);
            }
        }
    }

    private static void run(String name, SyncSettings settings, Path work, int parallel, LocalDate day,
                            Consumer<List<SyncedArchive>> ready) throws IOException {
        Path cache = work.resolve("cache");
        S3ProxyServer.deleteTree(cache);
        SyncOptions options = SyncOptions.defaults().withParallelism(parallel);
        try (S3Client s3 = S3ClientFactory.create(settings, options, S3ProxyServer.credentials())) {
            S3ArchiveSync sync = new S3ArchiveSync(s3, settings, cache, options);
            long t0 = System.nanoTime();
            SyncPlan plan = sync.plan(day, day);
            AtomicLong downloadsDone = new AtomicLong();
            SyncReport r = sync.runBatches(plan, new SyncListener() {
                @Override
                public void progress(SyncProgress p) {
                    if (p.filesDone() == p.filesTotal()) {
                        downloadsDone.compareAndSet(0, System.nanoTime());
                    }
                }
            }, ready);
            double wall = secs(t0);
            double download = (downloadsDone.get() - t0) / 1e9;
            double handoff = r.handoffTime().toNanos() / 1e9;
            System.out.printf("%s: %d archives, %.1f MB in %.2f s wall = %.0f MB/s; downloads done after %.2f s;"
                            + " hand-off (scan) %.2f s = %.0f%% of wall%s%n",
                    name, r.downloaded().size(), r.bytesDownloaded() / 1e6, wall, r.bytesDownloaded() / 1e6 / wall,
                    download, handoff, 100 * handoff / wall,
                    r.complete() ? "" : " INCOMPLETE: " + r.failed());
        }
    }

    /** An archive of realistic rows (several hosts and programs, request ids) of about {@code size} bytes. */
    static void generate(Path file, long size) throws IOException {
        Random rnd = new Random(42);
        String[] hosts = {"i-2ee330b7", "i-0a1b2c3d", "i-77fe0012", "web-3", "worker-1"};
        String[] programs = {"app-web", "app-worker", "nginx", "celery", "cron"};
        LocalDateTime ts = LocalDateTime.of(2024, 3, 1, 0, 0);
        long id = 700_000_000_000L;
        try (CountingStream counter = new CountingStream(Files.newOutputStream(file));
             OutputStream gz = new BufferedOutputStream(new GZIPOutputStream(counter, 1 << 16), 1 << 16)) {
            StringBuilder sb = new StringBuilder();
            while (counter.count < size) {
                sb.setLength(0);
                for (int i = 0; i < 1000; i++) {
                    int h = rnd.nextInt(hosts.length);
                    String t = ts.plusNanos(1_000_000L * (id % 3_600_000)).toString();
                    sb.append(id++).append('\t').append(t).append('\t').append(t).append("\t12345\t").append(hosts[h])
                            .append("\t10.0.0.").append(h).append("\tUser\tNotice\t").append(programs[rnd.nextInt(programs.length)])
                            .append('\t').append(rnd.nextInt(30000)).append("/MainThread INFO app.views: GET /api/v1/items/")
                            .append(rnd.nextInt(100000)).append(" 200 ").append(rnd.nextInt(900)).append("ms req=")
                            .append(Long.toHexString(rnd.nextLong())).append('\n');
                    if (rnd.nextInt(200) == 0) {
                        String p = "\t" + t + "\t" + t + "\t12345\t" + hosts[h] + "\t10.0.0." + h + "\tUser\tNotice\tapp-web\t";
                        sb.append(id++).append(p).append("20286/MainThread ERROR app.views: lookup failed\n");
                        sb.append(id++).append(p).append("Traceback (most recent call last):\n");
                        sb.append(id++).append(p).append("  File \"/srv/app/views.py\", line ").append(10 + rnd.nextInt(400))
                                .append(", in lookup\n");
                        sb.append(id++).append(p).append("    return items[key]\n");
                        sb.append(id++).append(p).append("KeyError: 'item-").append(rnd.nextInt(50)).append("'\n");
                    }
                }
                gz.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }
}
