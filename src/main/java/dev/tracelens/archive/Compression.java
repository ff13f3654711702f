package dev.tracelens.archive;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * How a file is compressed, told by its magic bytes, never by its name: a {@code .log} may be
 * gzip and a {@code .gz} plain text. Every format reads all its concatenated members or streams
 * (Papertrail and {@code cat a.gz b.gz} make multi-member gzip files).
 *
 * <p>zstd is recognised but not read: its decoder needs a native library (zstd-jni) of about
 * 7 MB per platform, and none of the logs this project serves are zstd; the file gets a clear
 * "zstd is not supported" problem instead of being read as binary text.
 */
enum Compression {
    NONE("plain"),
    GZIP("gzip"),
    BZIP2("bzip2"),
    XZ("xz"),
    ZSTD("zstd");

    /** Enough bytes to tell every format here apart. */
    static final int MAGIC_BYTES = 6;

    private final String label;

    Compression(String label) {
        this.label = label;
    }

    /** The format these first bytes of a file start (shorter arrays allowed). */
    static Compression of(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b) {
            return GZIP;
        }
        if (length >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
            return BZIP2;
        }
        if (length >= 6 && (head[0] & 0xFF) == 0xFD && head[1] == '7' && head[2] == 'z' && head[3] == 'X'
                && head[4] == 'Z' && head[5] == 0) {
            return XZ;
        }
        if (length >= 4 && (head[0] & 0xFF) == 0x28 && (head[1] & 0xFF) == 0xB5 && (head[2] & 0xFF) == 0x2F
                && (head[3] & 0xFF) == 0xFD) {
            return ZSTD;
        }
        return NONE;
    }

    /** The decoded stream over a raw one that starts with this format's magic bytes. */
    InputStream decode(BufferedInputStream raw) throws IOException {
        return switch (this) {
            case NONE -> raw;
            case GZIP -> new GzipMembers(raw);
            case BZIP2 -> new BZip2CompressorInputStream(raw, true);
            case XZ -> new XZCompressorInputStream(raw, true);
            case ZSTD -> throw new IOException("zstd-compressed files are not supported; decompress it first (zstd -d)");
        };
    }

    /** Whether an exception from {@link #decode}'s stream means data after the last member. */
    static boolean isTrailingData(Throwable failure) {
        return failure instanceof GzipMembers.TrailingDataException;
    }

    String label() {
        return label;
    }
}
