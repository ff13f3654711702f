package dev.tracelens.traceback;

import dev.tracelens.archive.ByteTrigger;

import java.util.List;

/**
 * Python's tracebacks: {@code Traceback (most recent call last):} anywhere in a line opens one
 * (after any log prefix); {@link PythonTrace} follows frames, the exception line, chains and
 * ExceptionGroups; {@link LibraryFiles} is its library rule.
 */
final class PythonGrammar implements TraceGrammar {
    /** How much of the header row before the header is searched for a process id. */
    private static final int MAX_LEAD_CHARS = 2048;

    @Override
    public Language language() {
        return Language.PYTHON;
    }

    @Override
    public void trigger(ByteTrigger.Builder trigger) {
        trigger.contains(TracebackLines.HEADER);
    }

    @Override
    public boolean literalBreakAfter(String message) {
        return message.contains(TracebackLines.HEADER + "\\n");
    }

    @Override
    public boolean startsLine(String part) {
        return TracebackLines.isIndented(part) || TracebackLines.isHeader(part) || TracebackLines.isFrame(part)
                || TracebackLines.separatorRelation(part) != null || TracebackLines.isException(part);
    }

    @Override
    public OpenTrace open(Opening o) {
        int header = o.line.indexOf(TracebackLines.HEADER);
        if (header < 0) {
            return null;
        }
        return new PythonTrace(this, o.line, header, lead(o.message), o.here, o.ordinalFor(o.here), o.contextBefore(null));
    }

    private static String lead(String message) {
        int at = message.indexOf(TracebackLines.HEADER);
        String lead = at < 0 ? "" : message.substring(0, at);
        return lead.length() > MAX_LEAD_CHARS ? lead.substring(0, MAX_LEAD_CHARS) : lead;
    }

    @Override
    public String cutMarker(long n) {
        return "  ...<" + n + " lines cut by Tracelens>...";
    }

    @Override
    public ParsedTraceback parse(List<String> lines) {
        return PythonTracebackParser.parse(lines);
    }

    @Override
    public List<LineKind> kinds(List<String> lines, InApp inApp) {
        return PythonLineKinds.classify(lines, inApp);
    }

    @Override
    public Fingerprint fingerprint(ParsedTraceback parsed, boolean truncated, InApp inApp) {
        return Fingerprinter.of(parsed, truncated, inApp);
    }
}
