package dev.tracelens.archive;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every member of a gzip file, one after the other, and a {@link TrailingDataException} (after
 * the last member's bytes were all returned) when something other than a gzip member follows it.
 * The JDK's {@code GZIPInputStream} ends silently there; commons-compress in concatenated mode
 * throws, but from inside the read that returns the last member's final bytes, so they would be
 * lost. Reading member by member keeps them: commons-compress leaves the (mark-supporting) input
 * right after a member's trailer, so the next two bytes say what follows.
 */
final class GzipMembers extends InputStream {
    private final BufferedInputStream in;
    private InputStream member;

    GzipMembers(BufferedInputStream in) throws IOException {
        this.in = in;
        this.member = open(in);
    }

    private static InputStream open(InputStream in) throws IOException {
        return GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(false).get();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            int n = member.read(b, off, len);
            if (n != -1) {
                return n;
            }
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            if (b1 < 0) {
                return -1;
            }
            if (b1 != 0x1f || b2 != 0x8b) {
                throw new TrailingDataException();
            }
            member = open(in);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            member.close();
        } finally {
            in.close();
        }
    }

    /** Data that is not a gzip member after the last member. */
    static final class TrailingDataException extends IOException {
        TrailingDataException() {
            super("data after the last gzip member");
        }
    }
}
