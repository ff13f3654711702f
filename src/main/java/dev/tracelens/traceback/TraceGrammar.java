package dev.tracelens.traceback;

import dev.tracelens.archive.ByteTrigger;

import java.util.List;

/**
 * How one runtime prints its traces: the seam between the language-neutral assembler and each
 * language. A grammar says which rows may hold the start of a trace (a cheap byte test), opens a
 * trace at a line, decides line by line what still belongs to it ({@link OpenTrace}), and reads
 * the finished lines into frames, line kinds and a fingerprint with its language's library rule.
 */
interface TraceGrammar {

    Language language();

    /** Adds the byte tests a row must pass for a trace of this grammar to start in it. */
    void trigger(ByteTrigger.Builder trigger);

    /**
     * Whether a literal backslash-n right after {@code before} (the text of the message up to it)
     * is a line break this grammar wrote; only then is a row split at literal {@code \n}.
     */
    default boolean literalBreakAfter(String message) {
        return false;
    }

    /** Whether {@code part} (text after a literal {@code \n}) can start a line of this grammar's traces. */
    default boolean startsLine(String part) {
        return false;
    }

    /** A trace that starts at the opening's line, or null when none does. */
    OpenTrace open(Opening opening);

    /** The line that stands for {@code n} lines cut out of a huge trace. */
    default String cutMarker(long n) {
        return "    ...<" + n + " lines cut by Tracelens>...";
    }

    /** Reads the finished lines (as collected: prefix removed, cut marker included). */
    ParsedTraceback parse(List<String> lines);

    /** One kind per line, own frames told from library frames by the language's rule and {@code inApp}. */
    List<LineKind> kinds(List<String> lines, InApp inApp);

    Fingerprint fingerprint(ParsedTraceback parsed, boolean truncated, InApp inApp);
}
