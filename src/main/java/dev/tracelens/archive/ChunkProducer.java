package dev.tracelens.archive;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.BlockingQueue;

/**
 * The background half of a file read: reads the file and decodes it into pooled chunks, so
 * that decompression (one core) and row parsing (the caller's core) overlap.
 *
 * <p>The {@link Compression} is told by the magic bytes. Gzip goes through {@link GzipMembers}
 * (native zlib, every member, data after the last one reported); bzip2 and xz through
 * commons-compress.
 *
 * <p>It always ends by putting exactly one terminal chunk on {@code full} (the queue has room for
 * it), unless told to stop, so the parsing thread never waits for ever.
 */
final class ChunkProducer implements Runnable {
    /** zlib works best with big input reads; GZIPInputStream's default of 512 bytes is slow. */
    private static final int INPUT_BUFFER = 64 * 1024;

    private final InputStream file;
    private final BlockingQueue<Chunk> free;
    private final BlockingQueue<Chunk> full;
    private volatile boolean stopped;
    private long diskBytes;

    ChunkProducer(InputStream file, BlockingQueue<Chunk> free, BlockingQueue<Chunk> full) {
        this.file = new Counting(file);
        this.free = free;
        this.full = full;
    }

    /** Asks the thread to stop; the caller also interrupts it to wake it from a queue wait. */
    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        Throwable failure = null;
        Compression compression = Compression.NONE;
        BufferedInputStream in = new BufferedInputStream(file, INPUT_BUFFER);
        InputStream decoded = in;
        try {
            compression = compressionOf(in);
            decoded = compression.decode(in);
            failure = pump(decoded);
        } catch (InterruptedException e) {
            failure = e; // only the parsing thread interrupts us, after stop(), so this goes nowhere
        } catch (Throwable e) {
            failure = e;
        } finally {
            closeQuietly(decoded); // also frees the native inflater now, not at some later GC
            if (!stopped) {
                full.offer(Chunk.end(diskBytes, failure, compression));
            }
        }
    }

    /** Fills chunks until the end of input or an error, which it returns (null at a normal end). */
    private Throwable pump(InputStream decoded) throws InterruptedException {
        while (!stopped) {
            Chunk chunk = free.take();
            int n = 0;
            Throwable failure = null;
            boolean more = true;
            try {
                while (n < chunk.buffer.length) {
                    int r = decoded.read(chunk.buffer, n, chunk.buffer.length - n);
                    if (r < 0) {
                        more = false;
                        break;
                    }
                    n += r;
                }
            } catch (IOException | RuntimeException e) {
                failure = e; // the bytes decoded before the damage still go out below
                more = false;
            }
            chunk.length = n;
            chunk.diskBytes = diskBytes;
            if (n > 0) {
                full.put(chunk);
            } else {
                free.put(chunk);
            }
            if (!more) {
                return failure;
            }
        }
        return null;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // we are done with it either way
        }
    }

    /** By the magic bytes, whatever the file is called. */
    private static Compression compressionOf(InputStream in) throws IOException {
        byte[] head = new byte[Compression.MAGIC_BYTES];
        in.mark(head.length);
        int n = 0;
        int r;
        while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
            n += r;
        }
        in.reset();
        return Compression.of(head, n);
    }

    /** Counts bytes read from disk, for progress. */
    private final class Counting extends FilterInputStream {
        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                diskBytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                diskBytes += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            diskBytes += skipped;
            return skipped;
        }
    }
}
