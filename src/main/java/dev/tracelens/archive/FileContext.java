package dev.tracelens.archive;

import java.nio.charset.StandardCharsets;

/**
 * What a {@link RowFormat} needs to read one file.
 *
 * @param archive      the file name (no folders), as rows and problems name it
 * @param handler      where rows and problems go
 * @param sources      the reader's source table, shared by all its files
 * @param options      the reader's options (row limit, field mapping, text pattern)
 * @param identity     the file's identity for synthetic row ids ({@link SyntheticIds})
 * @param fileMillis   the file's last-modified time: the time of rows before any timestamp, and
 *                     the year of syslog timestamps that have none
 */
record FileContext(String archive, RowHandler handler, SourceTable sources, ReaderOptions options,
                   long identity, long fileMillis) {

    /** The file name as UTF-8, the host of rows that name none. */
    byte[] archiveBytes() {
        return archive.getBytes(StandardCharsets.UTF_8);
    }
}
