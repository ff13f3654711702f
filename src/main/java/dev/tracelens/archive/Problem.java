package dev.tracelens.archive;

import java.util.Objects;

/**
 * Something wrong with the input that the reader skipped or repaired, named precisely enough
 * for a user to find it: the archive file and 1-based row, i.e. line of the decoded file
 * ({@code 0} when it concerns the whole file, e.g. a damaged gzip stream).
 */
public record Problem(String archive, long row, Kind kind, String detail) {

    public enum Kind {
        /** The file could not be opened or is not an archive at all. */
        UNREADABLE_FILE,
        /** The gzip stream ends early or is corrupt; rows decoded before the damage were kept. */
        DAMAGED_GZIP,
        /** Fewer than ten tab-separated columns. */
        MISSING_COLUMNS,
        /** The id column is not a 64-bit integer. */
        BAD_ID,
        /** The generated_at column is not a timestamp in a known form. */
        BAD_TIMESTAMP,
        /** Bytes that are not UTF-8; the row was kept with U+FFFD in their place. */
        INVALID_UTF8,
        /** A row longer than the reader's limit; it was cut at the limit and kept. */
        ROW_TOO_LONG,
        /** A line of a JSON-lines file that is not a JSON object; it was kept as a plain-text row. */
        BAD_JSON,
        /** NUL bytes inside a row of an otherwise textual file; the row was kept as it is. */
        NUL_BYTES,
        /** The file holds no rows at all (0 bytes, or only blank lines). */
        EMPTY_FILE,
        /** Data after the end of the compressed stream (e.g. bytes after the last gzip member); ignored. */
        TRAILING_DATA,
        /** Part of the file is not a log (binary data after some lines); the rows before it were kept. */
        NOT_A_LOG,
        /** A folder given to read holds no log files. */
        NO_LOG_FILES,
        /** More traces were open at once than memory allows; the oldest open one was cut off. */
        TOO_MANY_OPEN_TRACES
    }

    public Problem {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** Whether the row was dropped (as opposed to repaired and kept). */
    public boolean rowDropped() {
        return kind == Kind.MISSING_COLUMNS || kind == Kind.BAD_ID || kind == Kind.BAD_TIMESTAMP;
    }

    /** {@code 2016-08-12-03.tsv.gz row 17: bad timestamp "yesterday"}. */
    @Override
    public String toString() {
        return row > 0 ? archive + " row " + row + ": " + detail : archive + ": " + detail;
    }
}
