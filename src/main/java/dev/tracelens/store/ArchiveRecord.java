package dev.tracelens.store;

import java.time.Instant;

/**
 * One entry of the archive registry: an archive file that was imported, what it held, and how
 * to recognise it again without rescanning it.
 *
 * @param name         file name (the registry key; Papertrail names are unique per hour/day)
 * @param path         where it was read from (informational)
 * @param sizeBytes    file size on disk
 * @param lastModified file modification time, epoch millis (quick skip check)
 * @param checksum     {@code sha256:<hex>} of the file as on disk (an S3 ETag later: {@code etag:...})
 * @param rows         rows kept
 * @param badRows      rows dropped
 * @param tracebacks   tracebacks whose header is in this archive, as stored now (filled in when listed)
 * @param complete     whether the whole file could be read
 * @param importedAt   when the import committed
 * @param pendingFrom  the earliest archive (by name) holding the header row of a traceback that
 *                     was still open at this archive's end, so stored only as a provisional
 *                     (truncated) version; null when none was open. An import that goes on after
 *                     this archive reads again from there, so those tracebacks are rebuilt whole.
 * @param reading      how it was read ({@code ReaderOptions.readingLabel()}: a forced format, a field
 *                     mapping, a text pattern); empty or null for the defaults. Opened another way,
 *                     the archive is read again.
 */
public record ArchiveRecord(String name, String path, long sizeBytes, long lastModified, String checksum,
                            long rows, long badRows, long tracebacks, boolean complete, Instant importedAt,
                            String pendingFrom, String reading) {

    public ArchiveRecord {
        reading = reading == null ? "" : reading;
    }

    /** A record read the default way. */
    public ArchiveRecord(String name, String path, long sizeBytes, long lastModified, String checksum,
                         long rows, long badRows, long tracebacks, boolean complete, Instant importedAt,
                         String pendingFrom) {
        this(name, path, sizeBytes, lastModified, checksum, rows, badRows, tracebacks, complete, importedAt,
                pendingFrom, "");
    }

    /** A record with nothing pending at its end. */
    public ArchiveRecord(String name, String path, long sizeBytes, long lastModified, String checksum,
                         long rows, long badRows, long tracebacks, boolean complete, Instant importedAt) {
        this(name, path, sizeBytes, lastModified, checksum, rows, badRows, tracebacks, complete, importedAt, null);
    }

    ArchiveRecord withTracebacks(long count) {
        return new ArchiveRecord(name, path, sizeBytes, lastModified, checksum, rows, badRows, count, complete,
                importedAt, pendingFrom, reading);
    }

    ArchiveRecord withLastModified(long millis) {
        return new ArchiveRecord(name, path, sizeBytes, millis, checksum, rows, badRows, tracebacks, complete,
                importedAt, pendingFrom, reading);
    }
}
