package dev.tracelens.traceback;

import dev.tracelens.archive.LogLine;


/**
 * A Python traceback of one source that is still being collected, line by line. It decides for each
 * further line of its source whether the line still belongs to it, following the order in which
 * Python prints: frames, then the exception line, then (maybe) message continuation or a chain
 * separator and the next traceback of the chain.
 *
 * <p>It also learns and strips a per-line prefix (logger or container output such as
 * {@code 2014-04-16 21:48:04.492 17878 TRACE nova.compute.manager } or {@code web-1  | }): the
 * text before the header is taken as the prefix if the first following line starts with the same
 * text, or with text of the same shape once digits are ignored (timestamps differ per line).
 */
final class PythonTrace extends OpenTrace {

    private enum Phase { FRAMES, AFTER_EXCEPTION, CHAINED }

    private enum PrefixMode { UNKNOWN, STRIP, NONE }

    private String prefix;
    private String prefixShape;
    private final boolean group;
    private PrefixMode prefixMode;
    private Phase phase = Phase.FRAMES;
    private int heldBlanks;
    /** Frames of the exception being printed; Python prints none without at least one. */
    private int framesInSegment;
    /** Inside a {@code """}-quoted remote traceback in a message (multiprocessing, concurrent.futures). */
    private boolean inTripleQuotes;

    /**
     * @param line          the message line holding the header
     * @param headerIndex   where {@code Traceback (most recent call last):} starts in it
     * @param headerRowLead text of the header row's message before the header (for the process id)
     * @param ordinal       how many tracebacks started earlier in the same row
     */
    PythonTrace(TraceGrammar grammar, String line, int headerIndex, String headerRowLead, HeaderRow row, int ordinal,
                LogLine[] context) {
        super(grammar, row, ordinal, headerRowLead, context);
        int start = TracebackLines.headerLineStart(line, headerIndex);
        this.prefix = line.substring(0, start);
        this.prefixShape = shape(prefix);
        this.prefixMode = prefix.isBlank() ? PrefixMode.NONE : PrefixMode.UNKNOWN;
        this.group = start != headerIndex;
        add(line.substring(start, headerIndex + TracebackLines.HEADER.length()));
    }

    /** Offers the next line of this traceback's source. On END the line is not consumed. */
    @Override
    Verdict offer(String raw, long rowId) {
        if (full()) {
            return Verdict.END;
        }
        String line = stripPrefix(raw);
        if (line.isBlank()) {
            // Blank rows may sit around chain separators; they only count if more follows.
            heldBlanks++;
            return Verdict.HELD;
        }
        if (!belongs(line)) {
            if (!learnPrefixFromFirstFrame(raw)) {
                return Verdict.END;
            }
            line = stripPrefix(raw);
            if (!belongs(line)) {
                return Verdict.END;
            }
        }
        for (; heldBlanks > 0; heldBlanks--) {
            add("");
        }
        add(line);
        accepted(rowId);
        return Verdict.ACCEPTED;
    }

    private boolean belongs(String line) {
        String relation = TracebackLines.separatorRelation(line);
        switch (phase) {
            case FRAMES -> {
                if (relation != null) {
                    phase = Phase.CHAINED;
                    return true;
                }
                if (TracebackLines.isHeader(line)) {
                    return false;
                }
                if (group && TracebackLines.isGroupLine(line)) {
                    String content = TracebackLines.groupContent(line);
                    if (content != null && TracebackLines.isFrame(content)) {
                        framesInSegment++;
                    } else if (content != null && framesInSegment > 0 && TracebackLines.isException(content)) {
                        phase = Phase.AFTER_EXCEPTION;
                    }
                    return true;
                }
                if (TracebackLines.isFrame(line)) {
                    framesInSegment++;
                    return true;
                }
                if (TracebackLines.isIndented(line) || TracebackLines.isElision(line)) {
                    return true;
                }
                if (framesInSegment > 0 && TracebackLines.isException(line)) {
                    phase = Phase.AFTER_EXCEPTION;
                    return true;
                }
                return false;
            }
            case AFTER_EXCEPTION -> {
                if (line.strip().equals("\"\"\"") && (inTripleQuotes || lastLineIsRemoteTraceback())) {
                    inTripleQuotes = !inTripleQuotes;
                    return true;
                }
                if (inTripleQuotes) {
                    return true;
                }
                if (relation != null) {
                    phase = Phase.CHAINED;
                    return true;
                }
                if (TracebackLines.isIndented(line) || (group && TracebackLines.isGroupLine(line))) {
                    return !TracebackLines.isHeader(line) || group;
                }
                return continuesJsonOrRepr(line);
            }
            case CHAINED -> {
                if (TracebackLines.isHeader(line)) {
                    phase = Phase.FRAMES;
                    framesInSegment = 0;
                    return true;
                }
                if (TracebackLines.isException(line)) {
                    // An exception raised without a traceback of its own, e.g. `raise X from None` cases.
                    phase = Phase.AFTER_EXCEPTION;
                    return true;
                }
                return false;
            }
            default -> throw new IllegalStateException(phase.toString());
        }
    }

    /**
     * Pretty-printed JSON (or a repr) continuing the message at column 0. An opening bracket only
     * counts when what follows it is JSON-like (or a list repr, as OpenStack's RemoteError quotes
     * a remote traceback: {@code [u'Traceback (most recent call last):\n', ...]}): {@code [20286] INFO ...} is the everyday log prefix
     * of many programs and starts the next log line, not a JSON array.
     */
    static boolean continuesJsonOrRepr(String line) {
        char c = line.charAt(0);
        if (c == '{' || c == '}' || c == ']' || c == ')') {
            return true;
        }
        if (c != '[') {
            return false;
        }
        if (line.length() == 1) {
            return true;
        }
        char next = line.charAt(1);
        if (next == 'u' && line.length() > 2 && line.charAt(2) == '\'') {
            return true; // a Python 2 list repr: [u'Traceback (most recent call last):\n', u'  File ...
        }
        return next == ' ' || next == '{' || next == '[' || next == '"' || next == '\'' || next == ']' || next == '\t';
    }

    private boolean lastLineIsRemoteTraceback() {
        var m = TracebackLines.exception(lastLine());
        return m != null && m.group(1).endsWith("RemoteTraceback");
    }

    /** Whether the last exception of the chain was printed (so the traceback is complete). */
    @Override
    boolean complete() {
        return phase == Phase.AFTER_EXCEPTION;
    }

    private String stripPrefix(String raw) {
        switch (prefixMode) {
            case NONE -> {
                return raw;
            }
            case STRIP -> {
                if (raw.length() < prefix.length() && raw.equals(prefix.stripTrailing())) {
                    return ""; // a blank line, whose trailing space the writer dropped
                }
                return startsWithPrefix(raw) ? raw.substring(prefix.length()) : raw;
            }
            default -> {
                // Decided once, by the first non-blank line after the header.
                if (raw.isBlank()) {
                    return raw;
                }
                if (startsWithPrefix(raw)) {
                    prefixMode = PrefixMode.STRIP;
                    return raw.substring(prefix.length());
                }
                prefixMode = PrefixMode.NONE;
                return raw;
            }
        }
    }

    /**
     * A bare header whose following rows carry a prefix ({@code web-1  |   File "..."}): learns
     * the prefix from the first frame line, as the text before Python's two-space indent.
     */
    private boolean learnPrefixFromFirstFrame(String raw) {
        if (size() != 1 || phase != Phase.FRAMES || !prefix.isBlank()) {
            return false;
        }
        int at = raw.indexOf("File \"");
        if (at <= 0 || !TracebackLines.isFrame(raw.substring(at))) {
            return false;
        }
        int end = raw.startsWith("  ", at - 2) ? at - 2 : at;
        if (end <= 0 || raw.substring(0, end).isBlank()) {
            return false;
        }
        prefix = raw.substring(0, end);
        prefixShape = shape(prefix);
        prefixMode = PrefixMode.STRIP;
        return true;
    }

    private boolean startsWithPrefix(String raw) {
        if (raw.startsWith(prefix)) {
            return true;
        }
        return raw.length() >= prefix.length() && shape(raw.substring(0, prefix.length())).equals(prefixShape);
    }

    /** Digits normalised, so per-line timestamps and counters compare equal. */
    private static String shape(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= '0' && c[i] <= '9') {
                c[i] = '0';
            }
        }
        return new String(c);
    }
}
