package dev.tracelens.sync;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Builds Papertrail-like archives and puts them into a test bucket. */
public final class TestArchives {
    private TestArchives() {
    }

    /** A gzipped hourly archive of {@code rows} rows; {@code seed} varies the content. */
    public static byte[] hourly(LocalDateTime hour, int rows, long seed) {
        Random rnd = new Random(seed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < rows; i++) {
                String ts = hour.plusSeconds(i % 3600).toString();
                String line = (700000000000L + seed * 1_000_000 + i) + "\t" + ts + "\t" + ts + "\t12345\ti-2ee330b7\t10.0.0.5\tUser\tNotice\tapp-web\t"
                        + "20286/MainThread INFO app.views: request " + Long.toHexString(rnd.nextLong()) + "\n";
                gz.write(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static void createBucket(S3Client s3, String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
    }

    public static void put(S3Client s3, String bucket, String key, byte[] content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }
}
