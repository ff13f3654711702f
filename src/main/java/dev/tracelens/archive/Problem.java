package dev.tracelens.archive;

import java.util.Objects;

/**
 * Something wrong with the input that the reader skipped or repaired, named precisely enough
 * for a user to find it: the archive file and 1-based row ({@code 0} when it concerns the
 * whole file, e.g. a damaged gzip stream).
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
        ROW_TOO_LONG
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
