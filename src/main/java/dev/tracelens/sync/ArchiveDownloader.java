package dev.tracelens.sync;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Downloads one archive to {@code <name>.<etag-hash>.part}, checks size (and MD5 where the ETag is
 * one), then renames it into place atomically, so a file under its final name is always complete.
 *
 * <p>The SDK retries requests that fail before the body starts (503 SlowDown, 500s, refused or
 * reset connections). It cannot retry a body cut off half-way once we stream it ourselves, so that
 * case is resumed here with a {@code Range} request from the bytes already on disk, guarded by
 * {@code If-Match} so the resumed bytes belong to the same object version. The part file is named
 * after the ETag, which lets a later run (after a kill) resume it as well, and never mix versions.
 */
final class ArchiveDownloader {
    private static final Pattern MD5_ETAG = Pattern.compile("[0-9a-fA-F]{32}");
    private static final int BUFFER = 128 * 1024;

    private final S3Client s3;
    private final SyncSettings settings;
    private final SyncOptions options;

    ArchiveDownloader(S3Client s3, SyncSettings settings, SyncOptions options) {
        this.s3 = s3;
        this.settings = settings;
        this.options = options;
    }

    /** Why an archive could not be downloaded, in one sentence for the failed list. */
    static final class DownloadFailed extends Exception {
        DownloadFailed(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Downloads {@code archive} to {@code target}.
     *
     * @param received  told about every chunk of bytes received, for progress
     * @param cancelled polled between chunks; when true the download stops, keeping the part file
     * @throws CancellationException when cancelled
     */
    void download(RemoteArchive archive, Path target, LongConsumer received, BooleanSupplier cancelled)
            throws DownloadFailed {
        Path part = partFile(target, archive.etag());
        try {
            if (alreadyComplete(archive, target)) {
                return;
            }
            Files.createDirectories(target.getParent());
            deleteStaleParts(target, part);
            MessageDigest md5 = md5();
            long have = resumeFrom(part, archive.size(), md5);
            int drops = 0;
            while (have < archive.size()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                try {
                    have = fetch(archive, part, have, md5, received, cancelled);
                } catch (BodyInterrupted e) {
                    // The SDK retried the request itself; this is a body cut off mid-way.
                    have = Files.exists(part) ? Files.size(part) : 0;
                    if (++drops >= options.maxAttempts()) {
                        throw new DownloadFailed("Download kept failing after " + drops + " attempts ("
                                + e.getMessage() + ")");
                    }
                    sleep(options.resumeDelay(drops), cancelled);
                    continue;
                }
                if (have < archive.size()) {
                    // Stream ended early without an error: same as a dropped connection.
                    if (++drops >= options.maxAttempts()) {
                        throw new DownloadFailed("Download ended early " + drops + " times (got " + have
                                + " of " + archive.size() + " bytes)");
                    }
                    sleep(options.resumeDelay(drops), cancelled);
                }
            }
            if (have != archive.size()) {
                Files.deleteIfExists(part);
                throw new DownloadFailed("Size mismatch: got " + have + " bytes, S3 listed " + archive.size());
            }
            String etag = archive.etag();
            if (etag != null && MD5_ETAG.matcher(etag).matches()) {
                String actual = HexFormat.of().formatHex(md5.digest());
                if (!actual.equalsIgnoreCase(etag)) {
                    Files.deleteIfExists(part);
                    throw new DownloadFailed("Checksum mismatch: MD5 " + actual + " differs from ETag " + etag);
                }
            }
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AwsServiceException e) {
            if ("PreconditionFailed".equals(code(e)) || e.statusCode() == 412) {
                deleteQuietly(part);
            }
            throw new DownloadFailed(S3Errors.describe(e, settings));
        } catch (SdkClientException e) {
            throw new DownloadFailed(S3Errors.describe(e, settings));
        } catch (IOException e) {
            throw new DownloadFailed("Cannot write " + target.getFileName() + " in the cache: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new DownloadFailed("Cannot write " + target.getFileName() + " in the cache: " + e.getCause().getMessage());
        }
    }

    /**
     * True if {@code target} already holds exactly this version (size and MD5 = ETag): a run killed
     * after the rename but before the state was saved. Without an MD5 ETag nothing can prove it,
     * so the archive is downloaded again.
     */
    private static boolean alreadyComplete(RemoteArchive archive, Path target) throws IOException {
        if (archive.etag() == null || !MD5_ETAG.matcher(archive.etag()).matches()
                || !Files.isRegularFile(target) || Files.size(target) != archive.size()) {
            return false;
        }
        MessageDigest md5 = md5();
        digest(target, md5);
        return HexFormat.of().formatHex(md5.digest()).equalsIgnoreCase(archive.etag());
    }

    /** Requests the bytes from {@code have} on and appends them to the part file; returns the new length. */
    private long fetch(RemoteArchive archive, Path part, long have, MessageDigest md5, LongConsumer received,
                       BooleanSupplier cancelled) throws IOException {
        GetObjectRequest.Builder req = GetObjectRequest.builder()
                .bucket(settings.bucket()).key(archive.key());
        if (archive.etag() != null) {
            req.ifMatch('"' + archive.etag() + '"');
        }
        if (have > 0) {
            req.range("bytes=" + have + "-");
        }
        // Failures of the request itself (after the SDK's retries) propagate; only the body is resumed here.
        ResponseInputStream<GetObjectResponse> in = s3.getObject(req.build());
        try (in; FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (have > 0 && in.response().contentRange() == null) {
                // The server ignored Range and sent the whole object: start over.
                have = 0;
                md5.reset();
            }
            out.truncate(have);
            out.position(have);
            try {
                return copy(in, out, have, md5, received, cancelled);
            } catch (CancellationException | BodyInterrupted e) {
                in.abort(); // don't let close() drain the rest of a large body
                throw e;
            }
        }
    }

    /** A response body that broke off mid-way (dropped connection, reset, checksum failure). */
    private static final class BodyInterrupted extends IOException {
        BodyInterrupted(Exception cause) {
            super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }

    private static long copy(InputStream in, FileChannel out, long have, MessageDigest md5, LongConsumer received,
                             BooleanSupplier cancelled) throws IOException {
        byte[] buf = new byte[BUFFER];
        long n = have;
        int r;
        while ((r = read(in, buf)) >= 0) {
            if (r == 0) {
                continue;
            }
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, r);
            while (bb.hasRemaining()) {
                out.write(bb);
            }
            md5.update(buf, 0, r);
            n += r;
            received.accept(r);
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
        }
        return n;
    }

    /** Reads from the response body; any failure here means the body broke off. */
    private static int read(InputStream in, byte[] buf) throws BodyInterrupted {
        try {
            return in.read(buf);
        } catch (IOException | SdkClientException e) {
            throw new BodyInterrupted(e);
        }
    }

    /** Length of a part file left by an earlier attempt or run, feeding its bytes to the digest. */
    private static long resumeFrom(Path part, long size, MessageDigest md5) throws IOException {
        if (!Files.isRegularFile(part)) {
            return 0;
        }
        long len = Files.size(part);
        if (len > size) {
            Files.delete(part);
            return 0;
        }
        digest(part, md5);
        return len;
    }

    private static void digest(Path file, MessageDigest md5) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[BUFFER];
            int r;
            while ((r = in.read(buf)) > 0) {
                md5.update(buf, 0, r);
            }
        }
    }

    /** Part files of other versions of the same archive can never be resumed: remove them. */
    private static void deleteStaleParts(Path target, Path keep) throws IOException {
        String name = target.getFileName().toString();
        Pattern ours = Pattern.compile(Pattern.quote(name) + "\\.[0-9a-f]{12}\\.part");
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target.getParent(), name + ".*.part")) {
            for (Path p : ds) {
                if (!p.equals(keep) && ours.matcher(p.getFileName().toString()).matches()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static Path partFile(Path target, String etag) {
        return target.resolveSibling(target.getFileName() + "." + ArchiveCache.shortHash(String.valueOf(etag)) + ".part");
    }

    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static void sleep(java.time.Duration d, BooleanSupplier cancelled) {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            try {
                Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException();
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stale part is removed by the next run anyway
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
