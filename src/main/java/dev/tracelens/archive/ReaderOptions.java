package dev.tracelens.archive;

import java.util.Objects;

/**
 * Tuning of an {@link ArchiveReader}.
 *
 * @param maxRowBytes    longest row kept whole; longer rows are cut here, kept and reported
 *                       ({@link Problem.Kind#ROW_TOO_LONG}). Bounds memory against hostile input.
 * @param chunkBytes     size of the blocks handed from the inflating thread to the parser
 * @param chunksInFlight blocks in the pool: more lets inflation run further ahead of parsing
 * @param inputFormat    the row format of every file, or {@link InputFormat#AUTO} to tell it per file
 * @param fields         which JSON fields give time, host, program, pid, message and traceback
 * @param textPattern    how plain-text lines are laid out, or null to read them automatically
 */
public record ReaderOptions(int maxRowBytes, int chunkBytes, int chunksInFlight, InputFormat inputFormat,
                            FieldMapping fields, TextPattern textPattern) {
    /** 16 MiB: far above any real log row (Papertrail caps messages), small enough for a 256 MB heap. */
    public static final int DEFAULT_MAX_ROW_BYTES = 16 << 20;
    public static final int DEFAULT_CHUNK_BYTES = 1 << 20;
    public static final int DEFAULT_CHUNKS_IN_FLIGHT = 4;

    public ReaderOptions {
        if (maxRowBytes < 64 || maxRowBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxRowBytes must be at least 64: " + maxRowBytes);
        }
        if (chunkBytes < 16) {
            throw new IllegalArgumentException("chunkBytes must be at least 16: " + chunkBytes);
        }
        if (chunksInFlight < 2) {
            throw new IllegalArgumentException("chunksInFlight must be at least 2: " + chunksInFlight);
        }
        Objects.requireNonNull(inputFormat, "inputFormat");
        Objects.requireNonNull(fields, "fields");
    }

    public ReaderOptions(int maxRowBytes, int chunkBytes, int chunksInFlight) {
        this(maxRowBytes, chunkBytes, chunksInFlight, InputFormat.AUTO, FieldMapping.defaults(), null);
    }

    /**
     * How files are read, as the archive registry remembers it: empty for the defaults (format told
     * per file, common JSON names, usual text layouts), else {@code input=jsonl fields=... pattern=...}.
     * An archive imported one way is read again when it is opened another way ("Open as…").
     */
    public String readingLabel() {
        StringBuilder s = new StringBuilder();
        if (inputFormat != InputFormat.AUTO) {
            s.append("input=").append(inputFormat.label());
        }
        if (!fields.equals(FieldMapping.defaults())) {
            s.append(s.isEmpty() ? "" : " ").append("fields=").append(fields);
        }
        if (textPattern != null) {
            s.append(s.isEmpty() ? "" : " ").append("pattern=").append(textPattern);
        }
        return s.toString();
    }

    public static ReaderOptions defaults() {
        return new ReaderOptions(DEFAULT_MAX_ROW_BYTES, DEFAULT_CHUNK_BYTES, DEFAULT_CHUNKS_IN_FLIGHT);
    }

    public ReaderOptions withMaxRowBytes(int bytes) {
        return new ReaderOptions(bytes, chunkBytes, chunksInFlight, inputFormat, fields, textPattern);
    }

    public ReaderOptions withChunkBytes(int bytes) {
        return new ReaderOptions(maxRowBytes, bytes, chunksInFlight, inputFormat, fields, textPattern);
    }

    public ReaderOptions withChunksInFlight(int chunks) {
        return new ReaderOptions(maxRowBytes, chunkBytes, chunks, inputFormat, fields, textPattern);
    }

    public ReaderOptions withInputFormat(InputFormat format) {
        return new ReaderOptions(maxRowBytes, chunkBytes, chunksInFlight, format, fields, textPattern);
    }

    public ReaderOptions withFields(FieldMapping mapping) {
        return new ReaderOptions(maxRowBytes, chunkBytes, chunksInFlight, inputFormat, mapping, textPattern);
    }

    public ReaderOptions withTextPattern(TextPattern pattern) {
        return new ReaderOptions(maxRowBytes, chunkBytes, chunksInFlight, inputFormat, fields, pattern);
    }
}
