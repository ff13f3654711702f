package dev.tracelens.archive;

/**
 * What reading one archive file gave: rows kept, rows dropped, bytes read (compressed, as on
 * disk) and decoded, and whether the whole file could be read ({@code complete} is false for a
 * file that could not be opened, is not an archive, or whose gzip stream is damaged).
 */
public record ArchiveSummary(String archive, long rows, long badRows, long fileBytes, long decodedBytes,
                             boolean complete) {
}
