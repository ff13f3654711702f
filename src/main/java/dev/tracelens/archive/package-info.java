/**
 * Reading Papertrail archives: the first stage of Tracelens, importing nothing of ours.
 *
 * <p>{@link dev.tracelens.archive.ArchiveReader} streams rows to a
 * {@link dev.tracelens.archive.RowHandler} as {@link dev.tracelens.archive.RowView}s over its
 * byte buffers. Archives are gigabytes of rows of which very few matter (traceback lines and the
 * context before them), so the reader does the per-row work on bytes and leaves the handler to
 * decide which rows become Strings or {@link dev.tracelens.archive.LogLine} copies.
 *
 * <p>How a file is read, and why:
 * <ul>
 *   <li>{@code ChunkProducer} (a daemon thread per file) reads and inflates into a small pool of
 *       1 MiB {@code Chunk}s: inflation is the single biggest cost, and running it beside the
 *       parser uses the second core. The pool bounds memory whatever the file size.</li>
 *   <li>{@code LineSplitter} cuts chunks into lines in place, copying only the line that straddles
 *       two chunks, and notes for free whether a line has non-ASCII bytes.</li>
 *   <li>{@code RowParser} splits the first nine tabs, parses id and {@code generated_at}
 *       ({@code Timestamps}) and interns the source ({@code SourceTable}) without making Strings.</li>
 *   <li>{@code ArchiveFileRead} ties one file together and turns every failure into a
 *       {@link dev.tracelens.archive.Problem}: bad input never throws, and the helper thread is
 *       stopped on every exit path (end, damage, handler exception, cancellation).</li>
 * </ul>
 *
 * <p>Problem policy: a row that cannot be placed (missing columns, bad id, bad time) is dropped
 * and reported; a row that can be repaired (invalid UTF-8, too long) is kept and reported; a file
 * that cannot be read, is binary (NUL bytes in its first 4 KiB) or has damaged gzip data gives one
 * file-level problem (row 0) with its good rows kept. A text file that is not an archive at all
 * gives a {@code MISSING_COLUMNS} problem per line; the CLI shows the first few of each kind.
 */
package dev.tracelens.archive;
