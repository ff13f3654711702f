package dev.tracelens.traceback;

import dev.tracelens.archive.ByteTrigger;
import dev.tracelens.archive.LogLine;
import dev.tracelens.archive.Problem;
import dev.tracelens.archive.RowHandler;
import dev.tracelens.archive.RowView;
import dev.tracelens.archive.Source;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Rebuilds traces (Python tracebacks, Java, Go, Node, Ruby and .NET stack traces) from archive
 * rows, per source (host + program), with the rows each source logged before them as context.
 * The assembler knows no language: each {@link TraceGrammar} opens its traces and decides what
 * belongs to them.
 *
 * <p>One assembler serves all archives of a scan, in time order, so a trace that runs from
 * one hourly archive into the next simply continues. A trace is emitted once it is known to
 * be complete: at the next row of its source that does not continue it, or at {@link #finish()}.
 *
 * <p>Context rule: every row of a source enters that source's ring of the last N rows, including
 * rows of earlier traces; a trace's context is the ring as it was just before its header row,
 * i.e. exactly "the N rows the source logged before the header".
 *
 * <p>Hot path: a row of a source with no open trace costs one {@link ByteTrigger} test (one pass
 * over its bytes for all grammars' needles) and one {@link RowView#toLogLine()}; only rows of a
 * source with an open trace, or rows passing the test, are decoded. Per-source state lives in an
 * array indexed by {@link Source#index()}.
 *
 * <p>Memory is bounded by design: context rows of all sources together stay within a budget (the
 * rings of the sources idle longest are dropped first), at most a budget-derived number of traces
 * are open at once (past it the oldest open one is cut off, with a {@link Problem}), and one trace
 * keeps at most its head and tail lines ({@link TraceText}).
 */
public final class TracebackAssembler implements RowHandler {

    public static final int DEFAULT_CONTEXT_ROWS = 50;
    /** Rough heap cost of one open trace beyond its lines, to turn the budget into a count. */
    private static final long OPEN_TRACE_COST = 4 * 1024;
    /** Rough heap cost of one source's state with an empty ring, counted with the context rows. */
    private static final long STATE_COST = 160;

    private final int contextRows;
    private final Grammars grammars;
    private final ByteTrigger trigger;
    private final InApp inApp;
    private final GroupingRules rules;
    private final Consumer<Traceback> out;
    private final Consumer<Problem> problems;
    private final long ringBudget;
    private final int maxOpen;
    private final Opening opening;
    private SourceState[] sources = new SourceState[64];
    private long seq;
    private long ringBytes;
    private int openCount;
    private final ArrayDeque<SourceState> openOrder = new ArrayDeque<>();
    private long cutForMemory;
    private String currentArchive = "";
    private long currentRow;

    public TracebackAssembler(int contextRows, Consumer<Traceback> out) {
        this(contextRows, TraceOptions.DEFAULT, out, problem -> { });
    }

    public TracebackAssembler(int contextRows, TraceOptions options, Consumer<Traceback> out, Consumer<Problem> problems) {
        if (contextRows < 0) {
            throw new IllegalArgumentException("contextRows must be >= 0: " + contextRows);
        }
        this.contextRows = contextRows;
        this.grammars = new Grammars(options.languages());
        this.trigger = grammars.trigger();
        this.inApp = options.inApp();
        this.rules = options.rules();
        this.out = Objects.requireNonNull(out, "out");
        this.problems = Objects.requireNonNull(problems, "problems");
        long budget = options.budget();
        this.ringBudget = budget / 2;
        this.maxOpen = (int) Math.clamp(budget / 2 / OPEN_TRACE_COST, 256, 1_000_000);
        this.opening = new Opening(grammars);
    }

    /** What the assembler keeps per source. */
    private static final class SourceState {
        final Source source;
        final ContextBuffer ring;
        OpenTrace open;
        long lastSeq;
        /** Rows of this source kept so far: the sequence number of its newest row. */
        long rows;
        /**
         * Rows up to this sequence number were taken by an earlier trace: a grammar looking back
         * stops there. By place, not by id: with ids that do not ascend (reordered or duplicated
         * rows) an id test let a second trace start at a row the first one had taken.
         */
        long consumedSeq;
        long lastHeaderId = Long.MIN_VALUE;
        int lastOrdinal;

        SourceState(Source source, int ringRows) {
            this.source = source;
            this.ring = new ContextBuffer(ringRows);
        }
    }

    @Override
    public void onRow(RowView row) {
        SourceState state = state(row.source());
        state.lastSeq = ++seq;
        OpenTrace open = state.open;
        if (open == null && !row.messageMatches(trigger)) {
            keep(state, row);
            return;
        }
        currentArchive = row.archive();
        currentRow = row.rowNumber();
        String message = row.message();
        List<String> lines = MessageLines.split(message, grammars);
        Opening o = opening;
        o.rowLines = lines;
        o.message = message;
        o.here = null;
        o.ring = state.ring;
        o.contextRows = contextRows;
        o.consumedSeq = state.consumedSeq;
        o.lastHeaderId = state.lastHeaderId;
        o.lastOrdinal = state.lastOrdinal;
        o.ringSeq = state.rows;
        long rowSeq = state.rows + 1;
        o.freeFrom = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (o.here == null) {
                o.here = HeaderRow.of(row);
            }
            o.line = line;
            o.lineIndex = i;
            if (open != null) {
                open.offeredSeq = rowSeq;
                OpenTrace.Verdict verdict = open.offer(line, row.id());
                if (verdict == OpenTrace.Verdict.ACCEPTED) {
                    continue;
                }
                if (verdict == OpenTrace.Verdict.HELD) {
                    // A held line that starts a trace of its own ends this one instead.
                    OpenTrace next = open instanceof FrameTrace && !line.isBlank() ? tryOpenAfter(o, open) : null;
                    if (next == null) {
                        continue;
                    }
                    end(state, open);
                    o.consumedSeq = state.consumedSeq;
                    open = next;
                    open.lastSeq = rowSeq;
                    opened(state, open);
                    continue;
                }
                end(state, open);
                open = null;
                o.consumedSeq = state.consumedSeq;
                o.freeFrom = i;
            }
            open = tryOpen(o);
            if (open != null) {
                open.lastSeq = rowSeq;
                opened(state, open);
            }
        }
        state.lastHeaderId = o.lastHeaderId;
        state.lastOrdinal = o.lastOrdinal;
        state.open = open;
        keep(state, row);
    }

    private OpenTrace tryOpen(Opening o) {
        for (TraceGrammar g : grammars.list()) {
            OpenTrace t = g.open(o);
            if (t != null) {
                return t;
            }
        }
        return null;
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
            if (state != null && state.open != null && state.open.worthEmitting()) {
                out.add(build(state, state.open, !state.open.complete()));
            }
        }
        return out;
    }

    /** Tries to open at a line the open trace holds, looking back only past that trace's last taken row. */
    private OpenTrace tryOpenAfter(Opening o, OpenTrace open) {
        long consumed = o.consumedSeq;
        int freeFrom = o.freeFrom;
        o.consumedSeq = Math.max(consumed, open.lastSeq);
        o.freeFrom = o.lineIndex;
        OpenTrace next = tryOpen(o);
        if (next == null) {
            o.consumedSeq = consumed;
            o.freeFrom = freeFrom;
        }
        return next;
    }

    /** Emits every trace still open; truncated unless it was printed to its end. Call once after the last input. */
    public void finish() {
        for (SourceState state : sources) {
            if (state != null && state.open != null) {
                OpenTrace open = state.open;
                state.open = null;
                end(state, open);
            }
        }
        if (cutForMemory > 1) {
            problems.accept(new Problem(currentArchive, 0, Problem.Kind.TOO_MANY_OPEN_TRACES,
                    cutForMemory + " traces in all were cut off because more than " + maxOpen
                            + " were open at once"));
        }
    }

    private void keep(SourceState state, RowView row) {
        state.rows++;
        ringBytes += state.ring.add(row);
        if (ringBytes > ringBudget) {
            evictIdleRings();
        }
    }

    private void opened(SourceState state, OpenTrace open) {
        openCount++;
        openOrder.addLast(state);
        if (openCount > maxOpen) {
            cutOldestOpen(state);
        }
        if (openOrder.size() > 2 * maxOpen + 64) {
            openOrder.removeIf(s -> s.open == null);
        }
    }

    /** More traces open than allowed: the one opened longest ago is emitted as it stands. */
    private void cutOldestOpen(SourceState current) {
        while (!openOrder.isEmpty()) {
            SourceState oldest = openOrder.removeFirst();
            if (oldest.open == null || oldest == current) {
                continue;
            }
            OpenTrace victim = oldest.open;
            oldest.open = null;
            cutForMemory++;
            if (cutForMemory == 1) {
                problems.accept(new Problem(currentArchive, currentRow, Problem.Kind.TOO_MANY_OPEN_TRACES,
                        "more than " + maxOpen + " traces were open at once; the oldest (" + oldest.source
                                + ", " + victim.archive + " row " + victim.row + ") and any further ones were cut off"));
            }
            end(oldest, victim);
            return;
        }
    }

    private void end(SourceState state, OpenTrace open) {
        openCount--;
        state.consumedSeq = Math.max(state.consumedSeq, open.lastSeq);
        if (open.worthEmitting()) {
            emit(state, open, !open.complete());
        }
    }

    /**
     * Context rows are over budget: drops the rings of the sources idle longest (no open trace)
     * until half the budget is free. Amortised: each pass frees half the budget.
     */
    private void evictIdleRings() {
        long[] seqs = new long[64];
        int n = 0;
        for (SourceState s : sources) {
            if (s != null && s.open == null) {
                if (n == seqs.length) {
                    seqs = Arrays.copyOf(seqs, n * 2);
                }
                seqs[n++] = s.lastSeq;
            }
        }
        Arrays.sort(seqs, 0, n);
        long target = ringBudget / 2;
        int cut = 0;
        long freed = 0;
        // Walk from the oldest, estimating with the average ring size, then drop those older than the cut.
        long average = n == 0 ? 1 : Math.max(1, ringBytes / n);
        while (cut < n && ringBytes - freed > target) {
            freed += average;
            cut++;
        }
        long threshold = cut == 0 ? Long.MIN_VALUE : seqs[cut - 1];
        for (int i = 0; i < sources.length; i++) {
            SourceState s = sources[i];
            if (s != null && s.open == null && s.lastSeq <= threshold) {
                ringBytes -= s.ring.clear() + STATE_COST;
                sources[i] = null; // recreated, empty, if the source logs again
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
            s = new SourceState(source, contextRows + Opening.LOOKBACK_ROWS);
            sources[i] = s;
            ringBytes += STATE_COST;
        }
        return s;
    }

    /** Archives have second resolution; a message and its traceback fall in the same or next second. */
    private static final long SAME_MOMENT_MILLIS = 1_000;

    private void emit(SourceState state, OpenTrace open, boolean truncated) {
        out.accept(build(state, open, truncated));
    }

    private Traceback build(SourceState state, OpenTrace open, boolean truncated) {
        TraceGrammar g = open.grammar;
        List<String> lines = open.lines();
        ParsedTraceback parsed = g.parse(lines);
        Fingerprint fingerprint = g.fingerprint(parsed, truncated, inApp);
        Traceback t = new Traceback(open.lastId(), open.firstId, open.ordinal, Instant.ofEpochMilli(open.timestampMillis),
                state.source.host(), state.source.program(), g.language().id(), parsed.exceptionType(),
                parsed.message(), parsed.frames(), parsed.causes(), String.join("\n", lines),
                g.kinds(lines, inApp), context(open), fingerprint.hash(), fingerprint.parts(),
                truncated, open.archive, open.row);
        return rules.isEmpty() ? t : rules.apply(t);
    }

    private static List<ContextLine> context(OpenTrace open) {
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
    private static String processOf(OpenTrace open) {
        String pid = ProcessId.find(open.headerRowLead);
        if (pid != null || open.context.length == 0) {
            return pid;
        }
        LogLine previous = open.context[open.context.length - 1];
        boolean sameMoment = Math.abs(open.timestampMillis - previous.timestampMillis()) <= SAME_MOMENT_MILLIS;
        return sameMoment ? ProcessId.find(previous.message()) : null;
    }
}
