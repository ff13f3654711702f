package dev.tracelens.traceback;

import dev.tracelens.archive.LogLine;
import dev.tracelens.archive.RowHandler;
import dev.tracelens.archive.RowView;
import dev.tracelens.archive.Source;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Rebuilds Python tracebacks from archive rows, per source (host + program), with the rows each
 * source logged before them as context.
 *
 * <p>One assembler serves all archives of a scan, in time order, so a traceback that runs from
 * one hourly archive into the next simply continues. A traceback is emitted once it is known to
 * be complete: at the next row of its source that does not continue it, or at {@link #finish()}.
 *
 * <p>Context rule: every row of a source enters that source's ring of the last N rows, including
 * rows of earlier tracebacks; a traceback's context is the ring as it was just before its header
 * row, i.e. exactly "the N rows the source logged before the header".
 *
 * <p>Hot path: a row of a source with no open traceback costs one byte search for the header and
 * one {@link RowView#toLogLine()}; only rows of a source with an open traceback, or rows holding
 * a header, are decoded. Per-source state lives in an array indexed by {@link Source#index()}.
 */
public final class TracebackAssembler implements RowHandler {

    public static final int DEFAULT_CONTEXT_ROWS = 50;
    private static final byte[] TRACEBACK_BYTES = TracebackLines.HEADER.getBytes(StandardCharsets.US_ASCII);
    /** How much of the header row before the header is searched for a process id. */
    private static final int MAX_LEAD_CHARS = 2048;

    private final int contextRows;
    private final Consumer<Traceback> out;
    private SourceState[] sources = new SourceState[64];

    public TracebackAssembler(int contextRows, Consumer<Traceback> out) {
        if (contextRows < 0) {
            throw new IllegalArgumentException("contextRows must be >= 0: " + contextRows);
        }
        this.contextRows = contextRows;
        this.out = Objects.requireNonNull(out, "out");
    }

    /** What the assembler keeps per source. */
    private static final class SourceState {
        final Source source;
        final ContextBuffer ring;
        OpenTraceback open;

        SourceState(Source source, int contextRows) {
            this.source = source;
            this.ring = new ContextBuffer(contextRows);
        }
    }

    @Override
    public void onRow(RowView row) {
        SourceState state = state(row.source());
        OpenTraceback open = state.open;
        if (open == null && !row.messageContains(TRACEBACK_BYTES)) {
            state.ring.add(row);
            return;
        }
        String message = row.message();
        LogLine[] before = null;
        int ordinal = 0;
        for (String line : MessageLines.split(message)) {
            if (open != null) {
                if (open.offer(line, row.id()) != OpenTraceback.Verdict.END) {
                    continue;
                }
                emit(state, open, !open.complete());
                open = null;
            }
            int header = line.indexOf(TracebackLines.HEADER);
            if (header >= 0) {
                if (before == null) {
                    before = state.ring.snapshot();
                }
                open = new OpenTraceback(line, header, lead(message), row, ordinal++, before);
            }
        }
        state.open = open;
        state.ring.add(row);
    }

    /**
     * Provisional copies of the tracebacks still open, in source order: exactly what {@link
     * #finish()} would emit if the input ended here, without closing them. The store writes these
     * at each archive's end so that a traceback open across an archive boundary is never only in
     * memory; the complete version replaces them later (same header row, same key).
     */
    public List<Traceback> pending() {
        List<Traceback> out = new ArrayList<>();
        for (SourceState state : sources) {
            if (state != null && state.open != null) {
                out.add(build(state, state.open, !state.open.complete()));
            }
        }
        return out;
    }

    /** Emits every traceback still open; truncated unless its exception line was seen. Call once after the last input. */
    public void finish() {
        for (SourceState state : sources) {
            if (state != null && state.open != null) {
                OpenTraceback open = state.open;
                state.open = null;
                emit(state, open, !open.complete());
            }
        }
    }

    private SourceState state(Source source) {
        int i = source.index();
        if (i >= sources.length) {
            sources = Arrays.copyOf(sources, Math.max(i + 1, sources.length * 2));
        }
        SourceState s = sources[i];
        if (s == null) {
            s = new SourceState(source, contextRows);
            sources[i] = s;
        }
        return s;
    }

    /** Archives have second resolution; a message and its traceback fall in the same or next second. */
    private static final long SAME_MOMENT_MILLIS = 1_000;

    private static String lead(String message) {
        int at = message.indexOf(TracebackLines.HEADER);
        String lead = at < 0 ? "" : message.substring(0, at);
        return lead.length() > MAX_LEAD_CHARS ? lead.substring(0, MAX_LEAD_CHARS) : lead;
    }

    private void emit(SourceState state, OpenTraceback open, boolean truncated) {
        out.accept(build(state, open, truncated));
    }

    private static Traceback build(SourceState state, OpenTraceback open, boolean truncated) {
        ParsedTraceback parsed = PythonTracebackParser.parse(open.lines());
        Fingerprint fingerprint = Fingerprinter.of(parsed, truncated);
        return new Traceback(open.lastId(), open.firstId, open.ordinal, Instant.ofEpochMilli(open.timestampMillis),
                state.source.host(), state.source.program(), Language.PYTHON.id(), parsed.exceptionType(),
                parsed.message(), parsed.frames(), parsed.causes(), String.join("\n", open.lines()),
                PythonLineKinds.classify(open.lines()), context(open), fingerprint.hash(), fingerprint.parts(),
                truncated, open.archive, open.row);
    }

    private static List<ContextLine> context(OpenTraceback open) {
        String pid = processOf(open);
        List<ContextLine> lines = new ArrayList<>(open.context.length);
        for (LogLine l : open.context) {
            String message = l.message();
            boolean same = pid != null && pid.equals(ProcessId.find(message));
            lines.add(new ContextLine(l.id(), l.timestamp(), message, same));
        }
        return lines;
    }

    /**
     * The pid the traceback was printed by: named in its header row, or else in the row just
     * before it. {@code logger.exception("charge failed")} writes its message and then the
     * traceback, so syslog makes the message the row before a bare header; written in the same
     * moment, it carries the pid the header row lacks.
     */
    private static String processOf(OpenTraceback open) {
        String pid = ProcessId.find(open.headerRowLead);
        if (pid != null || open.context.length == 0) {
            return pid;
        }
        LogLine previous = open.context[open.context.length - 1];
        boolean sameMoment = Math.abs(open.timestampMillis - previous.timestampMillis()) <= SAME_MOMENT_MILLIS;
        return sameMoment ? ProcessId.find(previous.message()) : null;
    }
}
