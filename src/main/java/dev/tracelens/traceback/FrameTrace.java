package dev.tracelens.traceback;

import dev.tracelens.archive.LogLine;

import java.util.ArrayList;
import java.util.List;

/**
 * An open trace of a language that prints its exception line first and its frames after (Java,
 * .NET, Node, Ruby, Go). The grammar opened it at the first frame, so it is a trace for sure; each
 * further line is taken, held (it belongs only if the trace goes on after it: blank lines, a
 * chained exception's message lines) or ends it. A per-line prefix seen before the first frame
 * (a container's {@code web-1  | }, a logger's timestamp) is stripped from every line that has it.
 */
abstract class FrameTrace extends OpenTrace {
    /** Lines held at most before the trace is taken to have ended. */
    static final int MAX_HELD = 8;

    enum Fit { TAKE, HOLD, END }

    private final String prefix;
    private final String prefixShape;
    private final List<String> held = new ArrayList<>();

    FrameTrace(TraceGrammar grammar, Start start, LogLine[] context) {
        super(grammar, start.header(), start.ordinal(), start.lead(), context);
        this.prefix = start.prefix();
        this.prefixShape = Shapes.digitsAsZero(prefix);
        start.lines().forEach(this::add);
        accepted(start.lastRowId());
    }

    /**
     * How a trace opened: its lines so far (exception line first, the first frame last), the row
     * of its first line, that row's text before it, the per-line prefix, the row of the frame, and
     * how many rows before the frame's the first line was (0: the same row).
     */
    record Start(List<String> lines, HeaderRow header, int ordinal, String lead, String prefix, long lastRowId,
                 int rowsBack) {
    }

    /** Whether a line (prefix stripped, not blank) continues the trace. */
    abstract Fit fit(String line);

    @Override
    final Verdict offer(String raw, long rowId) {
        if (full()) {
            return Verdict.END;
        }
        String line = strip(raw);
        Fit fit = line.isBlank() ? Fit.HOLD : fit(line);
        switch (fit) {
            case TAKE -> {
                held.forEach(this::add);
                held.clear();
                add(line);
                accepted(rowId);
                return Verdict.ACCEPTED;
            }
            case HOLD -> {
                if (held.size() >= MAX_HELD) {
                    return Verdict.END;
                }
                held.add(line);
                return Verdict.HELD;
            }
            default -> {
                return Verdict.END;
            }
        }
    }

    /** Opened at a frame, so the trace is whole as far as it was printed. */
    @Override
    boolean complete() {
        return true;
    }

    private String strip(String raw) {
        if (prefix.isEmpty()) {
            return raw;
        }
        if (raw.startsWith(prefix)) {
            return raw.substring(prefix.length());
        }
        if (raw.length() >= prefix.length() && Shapes.digitsAsZero(raw.substring(0, prefix.length())).equals(prefixShape)) {
            return raw.substring(prefix.length());
        }
        return raw.length() < prefix.length() && raw.equals(prefix.stripTrailing()) ? "" : raw;
    }
}
