/**
 * Reading log files: the first stage of Tracelens, importing nothing of ours. Papertrail
 * archives, JSON-lines and plain-text logs, plain or compressed.
 *
 * <p>{@link dev.tracelens.archive.ArchiveReader} streams rows to a
 * {@link dev.tracelens.archive.RowHandler} as {@link dev.tracelens.archive.RowView}s over its
 * byte buffers. Files are gigabytes of rows of which very few matter (traceback lines and the
 * context before them), so the reader does the per-row work on bytes and leaves the handler to
 * decide which rows become Strings or {@link dev.tracelens.archive.LogLine} copies.
 *
 * <p>How a file is read, and why:
 * <ul>
 *   <li>{@code ChunkProducer} (a daemon thread per file) reads and decompresses
 *       ({@code Compression}, told by magic bytes; gzip through {@code GzipMembers}) into a small
 *       pool of 1 MiB {@code Chunk}s: decompression is the single biggest cost, and running it
 *       beside the parser uses the second core. The pool bounds memory whatever the file size.</li>
 *   <li>{@code FormatDetector} picks the file's {@code RowFormat} from its first 64 KiB (never its
 *       name) or refuses it as binary; the format opens a {@code RowSink} that turns the chunks
 *       into rows: {@code PapertrailFormat} ({@code LineSplitter} + {@code RowParser}, the hot
 *       path), {@code JsonLinesFormat} ({@code JsonRows}, Jackson streaming) and
 *       {@code PlainTextFormat} ({@code TextRows}, or {@code PatternRows} for a
 *       {@link dev.tracelens.archive.TextPattern}); the line formats share {@code Lines} and
 *       {@code LineRows} and give rows synthetic ids ({@code SyntheticIds}).</li>
 *   <li>{@code ArchiveFileRead} ties one file together and turns every failure into a
 *       {@link dev.tracelens.archive.Problem}: bad input never throws, and the helper thread is
 *       stopped on every exit path (end, damage, handler exception, cancellation).</li>
 * </ul>
 *
 * <p>Problem policy: a row that cannot be placed (missing columns, bad id, bad time in a
 * Papertrail archive) is dropped and reported; a row that can be repaired or read otherwise
 * (invalid UTF-8, too long, NUL bytes, a JSON line that does not parse: kept as text) is kept and
 * reported; a file that cannot be read, is binary (many control bytes) or has damaged compressed
 * data gives one file-level problem (row 0) with its good rows kept; so do an empty file, data
 * after the last gzip member and binary data half-way (the rows before it kept).
 */
package dev.tracelens.archive;
