package dev.tracelens.traceback;

import java.util.ArrayList;
import java.util.List;

/**
 * The exceptions of a trace as a parser reads them, in printed order: the first one and its
 * frames, then each chained one with its relation. Printed frames run innermost first in these
 * languages; {@link #parsed()} turns them outermost first, as {@link Traceback#frames()} promises.
 */
final class StackSegments {
    private static final class Segment {
        final String type;
        final StringBuilder message;
        final String relation;
        final List<Frame> frames = new ArrayList<>();

        Segment(String type, String message, String relation) {
            this.type = type;
            this.message = new StringBuilder(message == null ? "" : message.strip());
            this.relation = relation;
        }
    }

    private final List<Segment> segments = new ArrayList<>();

    /** Starts the next exception (the first one's relation is ignored). */
    void exception(String type, String message, String relation) {
        segments.add(new Segment(type, message, relation));
    }

    boolean isEmpty() {
        return segments.isEmpty();
    }

    /** Adds a message line to the current exception, if its frames have not begun. */
    void messageLine(String line) {
        Segment s = segments.getLast();
        if (s.frames.isEmpty() && !line.isBlank()) {
            if (!s.message.isEmpty()) {
                s.message.append('\n');
            }
            s.message.append(line.strip());
        }
    }

    void frame(Frame frame) {
        segments.getLast().frames.add(frame);
    }

    boolean hasFrames() {
        return !segments.isEmpty() && !segments.getLast().frames.isEmpty();
    }

    ParsedTraceback parsed() {
        if (segments.isEmpty()) {
            return new ParsedTraceback("", "", List.of(), List.of());
        }
        Segment top = segments.getFirst();
        List<ChainedException> causes = new ArrayList<>();
        for (Segment s : segments.subList(1, segments.size())) {
            causes.add(new ChainedException(s.type, s.message.toString(), s.frames.reversed(), s.relation));
        }
        return new ParsedTraceback(top.type, top.message.toString(), top.frames.reversed(), causes);
    }
}
