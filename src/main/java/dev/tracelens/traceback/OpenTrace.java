package dev.tracelens.traceback;

import dev.tracelens.archive.LogLine;

import java.util.List;

/**
 * A trace of one source that is still being collected, line by line. Each grammar's subclass
 * decides for every further line of the source whether it still belongs, following the order in
 * which its runtime prints; this class keeps what they share: where the trace started, its
 * context, and its lines (bounded: see {@link TraceText}).
 */
abstract class OpenTrace {
    /** Past this many lines a trace ends whatever follows, so no input can keep one open forever. */
    static final long MAX_TOTAL_LINES = 1_000_000;

    enum Verdict { ACCEPTED, HELD, END }

    final TraceGrammar grammar;
    final long firstId;
    final long timestampMillis;
    final String archive;
    final long row;
    final int ordinal;
    /** Text of the header row before the trace's first line (it may name the process id). */
    final String headerRowLead;
    final LogLine[] context;
    private final TraceText text = new TraceText();
    private long lastId;
    /**
     * The source's row sequence number of the last row taken, and of the row being offered: rows
     * a trace took are told by their place in the source, not by id, since ids need not ascend.
     */
    long lastSeq;
    long offeredSeq;

    OpenTrace(TraceGrammar grammar, HeaderRow header, int ordinal, String headerRowLead, LogLine[] context) {
        this.grammar = grammar;
        this.firstId = header.id();
        this.lastId = header.id();
        this.timestampMillis = header.timestampMillis();
        this.archive = header.archive();
        this.row = header.row();
        this.ordinal = ordinal;
        this.headerRowLead = headerRowLead;
        this.context = context;
    }

    /** Offers the next line of this trace's source. On END the line is not consumed. */
    abstract Verdict offer(String raw, long rowId);

    /** Whether the trace was printed far enough to be whole (else it is flagged truncated). */
    abstract boolean complete();

    /** Whether, when the trace ends, it is a trace at all (a grammar may open on a guess). */
    boolean worthEmitting() {
        return true;
    }

    final void add(String line) {
        text.add(line);
    }

    final void accepted(long rowId) {
        lastId = rowId;
        lastSeq = offeredSeq;
    }

    final boolean full() {
        return text.size() >= MAX_TOTAL_LINES;
    }

    final long size() {
        return text.size();
    }

    final String lastLine() {
        return text.last();
    }

    final long lastId() {
        return lastId;
    }

    /** The kept lines, with the grammar's marker where the middle of a huge trace was cut. */
    final List<String> lines() {
        return text.lines(grammar.cutMarker(text.cut()));
    }

    /** Rough heap cost, for the assembler's memory budget. */
    final long bytes() {
        return 256 + text.bytes() + 8L * context.length;
    }
}
