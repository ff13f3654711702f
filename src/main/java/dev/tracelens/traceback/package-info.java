/**
 * Rebuilds tracebacks (Python tracebacks; Java/Kotlin/Scala, Go, Node.js, Ruby and .NET stack
 * traces) from archive rows and groups them.
 *
 * <p>{@link dev.tracelens.traceback.TracebackAssembler} is the entry point: a
 * {@link dev.tracelens.archive.RowHandler} that keeps, per source (host + program), a ring of the
 * last N rows and at most one open traceback, and emits each {@link dev.tracelens.traceback.Traceback}
 * once it is complete. It uses only the {@link dev.tracelens.archive.RowView} API. It knows no
 * language: one {@code TraceGrammar} per language opens traces, decides what belongs to them,
 * parses them, classifies their lines and fingerprints them with that language's library rule
 * (ADR 0010). The decisions below are Python's; the other grammars' classes say theirs.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Context: every row of a source enters its ring (rows of earlier tracebacks too); a
 *       traceback's context is the ring as it stood before its header row. Context rows longer
 *       than 64 Ki chars are cut with {@code " … [cut]"}. {@code sameProcess} compares the
 *       process id named before the header in the header row ({@link dev.tracelens.traceback.ProcessId})
 *       with the one each context row names; no pid in the header row marks nothing.</li>
 *   <li>Where a traceback ends: after the exception line, only indented rows, rows starting with
 *       a JSON bracket, chain separators, ExceptionGroup scaffolding and a quoted remote traceback
 *       continue it. An exception message that continues at column 0 (plain multi-line text) is
 *       therefore cut after its first line: such lines cannot be told from the next log line.</li>
 *   <li>An exception line only counts after at least one frame (Python never prints a header
 *       without a frame), so a header followed by unrelated output is a truncated traceback.</li>
 *   <li>Fingerprints: see {@link dev.tracelens.traceback.Fingerprinter}.</li>
 * </ul>
 */
package dev.tracelens.traceback;
