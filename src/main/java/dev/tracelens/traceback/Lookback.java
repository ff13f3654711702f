package dev.tracelens.traceback;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Opening a trace at its first frame: finds the frame in the line (at its start, or after a
 * per-line prefix), then walks back over the source's earlier lines to the exception line that
 * heads it. Shared by the grammars whose runtimes print the exception line before the frames.
 */
final class Lookback {
    /** Lines looked back at, at most: an exception line, a few message lines and blank lines. */
    static final int MAX_BACK = 10;
    private static final int MAX_LEAD_CHARS = 2048;

    private Lookback() {
    }

    /** A frame found in a line: the per-line prefix before it (often empty) and the frame's text. */
    record FrameAt(String prefix, String frame) {
    }

    /** Tells where an exception line starts in a line (0, or after a log prefix), or -1. */
    @FunctionalInterface
    interface HeaderTest {
        /** @param nearest whether this is the nearest non-blank line before the frame (a logger prefix is only allowed there) */
        int headerAt(String line, boolean nearest);
    }

    /**
     * The frame in {@code line}: the whole line if {@code isFrame} accepts it, else the text from
     * the whitespace before the first {@code marker} (e.g. {@code "at "}) when that is a frame.
     */
    static FrameAt frame(String line, Predicate<String> isFrame, String marker) {
        if (isFrame.test(line)) {
            return new FrameAt("", line);
        }
        if (!Shapes.frameSized(line)) {
            return null;
        }
        int at = line.indexOf(marker);
        for (int tries = 0; at > 0 && tries < 4; tries++) {
            int ws = at;
            while (ws > 0 && (line.charAt(ws - 1) == ' ' || line.charAt(ws - 1) == '\t')) {
                ws--;
            }
            if (ws < at && ws > 0) {
                String frame = line.substring(ws);
                if (isFrame.test(frame)) {
                    return new FrameAt(line.substring(0, ws), frame);
                }
            }
            at = line.indexOf(marker, at + 1);
        }
        return null;
    }

    /**
     * The start of the trace whose first frame is {@code frame}: the furthest exception line
     * within {@link #MAX_BACK} lines such that only blank lines, {@code between} lines and other
     * exception lines (a nested message) lie between it and the frame; null when there is none.
     */
    static FrameTrace.Start start(Opening o, FrameAt frame, HeaderTest header, Predicate<String> between) {
        return start(o, frame, header, between, before -> 0);
    }

    /** Counts lines printed above an exception line that belong to the trace (Node's source line and caret). */
    @FunctionalInterface
    interface Above {
        /** @param before the lines before the exception line, nearest first */
        int count(List<String> before);
    }

    static FrameTrace.Start start(Opening o, FrameAt frame, HeaderTest header, Predicate<String> between, Above above) {
        List<Opening.Prior> priors = o.prior(MAX_BACK + 4);
        String prefix = frame.prefix();
        List<String> stripped = new ArrayList<>(priors.size());
        int best = -1;
        int bestAt = -1;
        boolean nearest = true;
        for (Opening.Prior p : priors.subList(0, Math.min(MAX_BACK, priors.size()))) {
            String raw = p.line();
            String line;
            if (prefix.isEmpty()) {
                line = raw;
            } else if (Shapes.startsLike(raw, prefix)) {
                line = raw.substring(prefix.length());
            } else {
                break;
            }
            stripped.add(line);
            if (line.isBlank()) {
                continue;
            }
            int at = header.headerAt(line, nearest);
            nearest = false;
            if (at >= 0) {
                best = stripped.size() - 1;
                bestAt = at;
                if (at > 0) {
                    break; // a logger prefix before it: the line before is the log, not the message
                }
                continue;
            }
            if (!between.test(line)) {
                break;
            }
        }
        if (best < 0) {
            return null;
        }
        List<String> before = new ArrayList<>();
        for (Opening.Prior p : priors.subList(best + 1, priors.size())) {
            before.add(p.line());
        }
        int extra = bestAt == 0 && prefix.isEmpty() ? Math.min(above.count(before), before.size()) : 0;
        String first = stripped.get(best).substring(bestAt);
        List<String> lines = new ArrayList<>();
        for (int k = extra - 1; k >= 0; k--) {
            lines.add(before.get(k));
        }
        Opening.Prior head = priors.get(best + extra);
        String headLine = extra > 0 ? before.get(extra - 1) : first;
        lines.add(first);
        for (int k = best - 1; k >= 0; k--) {
            lines.add(stripped.get(k));
        }
        lines.add(frame.frame());
        HeaderRow row = o.headerRow(head);
        String message = o.messageOf(head);
        int leadEnd = message.indexOf(headLine);
        String lead = leadEnd > 0 ? message.substring(0, Math.min(leadEnd, MAX_LEAD_CHARS)) : "";
        return new FrameTrace.Start(lines, row, o.ordinalFor(row), lead, prefix, o.here.id(), head.rowsBack());
    }
}
