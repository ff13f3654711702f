package dev.tracelens.archive;

/**
 * A block of decoded archive bytes passed from the inflating thread to the parsing thread, or
 * (when {@link #terminal}) the last message of a file: end of input, or the error that ended it.
 * Data chunks are pooled and recycled; their buffers are filled completely except at the end.
 */
final class Chunk {
    final byte[] buffer;
    int length;
    /** Bytes of the file read from disk (compressed) when this chunk was filled. */
    long diskBytes;
    final boolean terminal;
    /** Why the input ended early; null at a normal end. Only for terminal chunks. */
    final Throwable failure;
    /** How the file was compressed; only for terminal chunks. */
    final Compression compression;

    Chunk(int size) {
        this.buffer = new byte[size];
        this.terminal = false;
        this.failure = null;
        this.compression = Compression.NONE;
    }

    private Chunk(long diskBytes, Throwable failure, Compression compression) {
        this.buffer = new byte[0];
        this.diskBytes = diskBytes;
        this.terminal = true;
        this.failure = failure;
        this.compression = compression;
    }

    static Chunk end(long diskBytes, Throwable failure, Compression compression) {
        return new Chunk(diskBytes, failure, compression);
    }
}
