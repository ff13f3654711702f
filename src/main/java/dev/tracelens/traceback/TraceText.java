package dev.tracelens.traceback;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The printed lines of a trace that is still being collected, with memory bounded by design: the
 * first {@link #HEAD_LINES} lines and the last {@link #TAIL_LINES} are kept, and what lies between
 * is replaced by one marker line that says how many lines were cut. A 100,000-frame recursion
 * thus keeps its first frames, its last frames and its exception line.
 */
final class TraceText {
    static final int HEAD_LINES = 4_000;
    static final int TAIL_LINES = 4_000;
    /** Chars kept in the head and in the tail each, so a few huge lines cannot fill memory either. */
    static final int MAX_PART_CHARS = 2 * 1024 * 1024;

    private final List<String> head = new ArrayList<>();
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private int headChars;
    private int tailChars;
    private boolean headFull;
    private long cut;
    private long size;
    private String last;

    void add(String line) {
        size++;
        last = line;
        if (!headFull) {
            if (head.size() < HEAD_LINES && headChars + line.length() <= MAX_PART_CHARS) {
                head.add(line);
                headChars += line.length() + 1;
                return;
            }
            headFull = true;
        }
        tail.addLast(line);
        tailChars += line.length() + 1;
        while (tail.size() > TAIL_LINES || (tailChars > MAX_PART_CHARS && tail.size() > 1)) {
            tailChars -= tail.removeFirst().length() + 1;
            cut++;
        }
    }

    /** Lines added so far, cut ones included. */
    long size() {
        return size;
    }

    /** The line added last, or null. */
    String last() {
        return last;
    }

    /** Lines cut out of the middle so far. */
    long cut() {
        return cut;
    }

    /** Rough heap cost, for the assembler's memory budget. */
    long bytes() {
        return 2L * (headChars + tailChars) + 48L * (head.size() + tail.size());
    }

    /** The kept lines in order, with {@code marker} where lines were cut. */
    List<String> lines(String marker) {
        List<String> out = new ArrayList<>(head.size() + tail.size() + 1);
        out.addAll(head);
        if (cut > 0) {
            out.add(marker);
        }
        out.addAll(tail);
        return out;
    }
}
