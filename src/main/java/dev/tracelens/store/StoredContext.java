package dev.tracelens.store;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The stored form of a traceback's context rows: their compact JSON, compressed once per
 * traceback when the document is built (store format 3), so that the codec's stored fields can
 * use its fast mode. Format: one marker byte ({@link #DEFLATED}), then the JSON as raw DEFLATE.
 * Context stored by format 2 (plain JSON, which starts with {@code [}) is read as it is.
 * Thread-safe (no shared state).
 */
final class StoredContext {
    /** First byte of compressed context; plain JSON never starts with it. */
    static final byte DEFLATED = 1;
    /** Fastest DEFLATE: context rows are log lines, which compress well even at level 1. */
    private static final int LEVEL = 1;

    private StoredContext() {
    }

    static byte[] compress(byte[] json) {
        Deflater deflater = new Deflater(LEVEL, true);
        try {
            deflater.setInput(json);
            deflater.finish();
            byte[] out = new byte[Math.max(64, json.length / 3)];
            out[0] = DEFLATED;
            int n = 1;
            while (!deflater.finished()) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2);
                }
                n += deflater.deflate(out, n, out.length - n);
            }
            return java.util.Arrays.copyOf(out, n);
        } finally {
            deflater.end();
        }
    }

    static byte[] decompress(byte[] stored) {
        if (stored.length == 0 || stored[0] != DEFLATED) {
            return stored; // format 2: plain JSON
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(stored, 1, stored.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 4);
            byte[] buffer = new byte[Math.max(256, stored.length * 4)];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("stored context is cut short");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new UncheckedIOException(new org.apache.lucene.index.CorruptIndexException(
                    "stored context is not readable: " + e.getMessage(), "stored fields"));
        } finally {
            inflater.end();
        }
    }
}
