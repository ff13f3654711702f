package dev.tracelens.traceback;

import dev.tracelens.archive.ByteTrigger;
import dev.tracelens.archive.LogLine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node.js / V8 stack traces: {@code TypeError: msg} then {@code     at fn (/path/file.js:1:2)}
 * frames ({@code at async}, {@code at new}, {@code at file:///…}, {@code node:internal/…}), the
 * properties block after the last frame ({@code [cause]: …}, AggregateError's {@code [errors]: [
 * … ]}, {@code code: '…'}), the source line and caret Node prints above an uncaught error, and its
 * closing {@code Node.js vX} line.
 */
final class NodeGrammar implements TraceGrammar {
    /** A frame: {@code at [async |new ]fn (location)} or {@code at location}. */
    static final Pattern FRAME = Pattern.compile("^\\s*(?:eval )?at (?:async |new )?(?:(.+?) \\((.*)\\)|(\\S+))(?: \\{|,)?\\s*$");
    /** A location a first frame must have: {@code file:line:col}, or V8's markers. */
    private static final Pattern STRONG_LOCATION = Pattern.compile(".*:\\d+:\\d+\\)*|native|<anonymous>|unknown location|index \\d+");
    private static final Pattern HEADER = Pattern.compile(
            "^(?:Uncaught )?([A-Za-z_$][\\w$.]*?)(?: \\[[\\w$]+\\])?(?::\\s?(.*))?$", Pattern.DOTALL);
    private static final Pattern PREFIXED = Pattern.compile("(?<=[\\s:\\]])[A-Z][\\w$]*+(?<=Error|Exception)(?::\\s.*)?$");
    private static final Pattern ERROR_NAME = Pattern.compile("[\\w$.]*(?:Error|Exception|Rejection)|Error|Warning");
    private static final Pattern CAUSE = Pattern.compile("^\\s*\\[cause\\]: (.*)$");
    private static final Pattern ELIDED = Pattern.compile("^\\s*\\.\\.\\. \\d+ lines? matching cause stack trace \\.\\.\\.$|^\\s*\\.\\.\\.<\\d+ lines cut by Tracelens>\\.\\.\\.$");
    private static final Pattern SOURCE_POSITION = Pattern.compile("^\\S+:\\d+$");
    private static final Pattern CARET = Pattern.compile("^\\s*\\^+\\s*$");
    private static final Pattern VERSION = Pattern.compile("^Node\\.js v\\d[\\w.-]*$");

    @Override
    public Language language() {
        return Language.NODE;
    }

    @Override
    public void trigger(ByteTrigger.Builder trigger) {
        trigger.startsWith("    at ").startsWith("  at ").startsWith("\tat ").startsWith("#011at ");
    }

    @Override
    public boolean literalBreakAfter(String message) {
        return message.contains("\\n    at ");
    }

    @Override
    public boolean startsLine(String part) {
        return FRAME.matcher(part).matches();
    }

    static boolean isFrame(String line) {
        return Shapes.frameSized(line) && line.contains("at ") && FRAME.matcher(line).matches();
    }

    private static boolean isStrongFrame(String line) {
        if (!Shapes.frameSized(line)) {
            return false;
        }
        Matcher m = FRAME.matcher(line);
        if (!line.contains("at ") || !m.matches()) {
            return false;
        }
        String location = m.group(2) != null ? m.group(2) : m.group(3);
        return STRONG_LOCATION.matcher(location).matches();
    }

    @Override
    public OpenTrace open(Opening o) {
        if (!o.line.contains("at ")) {
            return null;
        }
        Lookback.FrameAt frame = Lookback.frame(o.line, NodeGrammar::isStrongFrame, "at ");
        if (frame == null) {
            return null;
        }
        FrameTrace.Start start = Lookback.start(o, frame, NodeGrammar::headerAt, line -> false, NodeGrammar::above);
        return start == null ? null : new NodeTrace(this, start, o.contextBefore(start.rowsBack()));
    }

    /** An error line: any name with a message, or a bare error name; only the nearest line may be other text (V8's own headers). */
    private static int headerAt(String whole, boolean nearest) {
        String line = Shapes.head(whole);
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            return -1;
        }
        Matcher m = HEADER.matcher(line);
        if (m.matches() && (m.group(2) != null || ERROR_NAME.matcher(m.group(1)).matches())) {
            return 0;
        }
        if (nearest && (line.contains("Error") || line.contains("Exception"))) {
            Matcher p = PREFIXED.matcher(line);
            if (p.find()) {
                return p.start(); // after a logger's prefix: "ERROR app: TypeError: msg"
            }
        }
        return nearest && !isFrame(line) ? 0 : -1;
    }

    /** The source position, code line and caret (and a blank line) Node prints above an uncaught error. */
    private static int above(List<String> before) {
        if (before.size() >= 4 && before.get(0).isBlank() && CARET.matcher(before.get(1)).matches()
                && SOURCE_POSITION.matcher(before.get(3)).matches()) {
            return 4;
        }
        return 0;
    }

    /** Frames, elisions, then the properties block (braces) and the closing version line. */
    static final class NodeTrace extends FrameTrace {
        private boolean inBlock;
        private boolean done;

        NodeTrace(TraceGrammar grammar, Start start, LogLine[] context) {
            super(grammar, start, context);
            inBlock = start.lines().getLast().endsWith(" {");
        }

        @Override
        Fit fit(String line) {
            if (done) {
                return Fit.END;
            }
            if (inBlock) {
                if (line.equals("}")) {
                    inBlock = false;
                }
                return Fit.TAKE;
            }
            if (isFrame(line)) {
                inBlock = line.endsWith(" {");
                return Fit.TAKE;
            }
            if (ELIDED.matcher(line).matches()) {
                return Fit.TAKE;
            }
            if (VERSION.matcher(line).matches()) {
                done = true;
                return Fit.TAKE;
            }
            return Fit.END;
        }
    }

    @Override
    public ParsedTraceback parse(List<String> lines) {
        StackSegments s = new StackSegments();
        boolean headSeen = false;
        boolean inErrors = false;
        for (String line : lines) {
            if (!headSeen) {
                if (line.isBlank() || CARET.matcher(line).matches() || SOURCE_POSITION.matcher(line).matches()
                        || (lines.size() > 1 && s.isEmpty() && isCodeAbove(lines, line))) {
                    continue;
                }
                exception(s, line, "cause");
                headSeen = true;
                continue;
            }
            Matcher f = FRAME.matcher(line);
            if (isFrame(line) && f.matches()) {
                s.frame(frame(f));
                continue;
            }
            Matcher cause = CAUSE.matcher(line);
            if (cause.matches()) {
                exception(s, cause.group(1), "cause");
                continue;
            }
            String t = line.strip();
            if (t.startsWith("[errors]: [")) {
                inErrors = true;
                continue;
            }
            if (inErrors && !t.isEmpty() && !t.startsWith("]") && !t.startsWith("}") && headerAt(t, false) == 0) {
                exception(s, t, "group");
                continue;
            }
            if (!s.hasFrames() && !t.isEmpty() && !ELIDED.matcher(line).matches() && !VERSION.matcher(t).matches()) {
                s.messageLine(line);
            }
        }
        return s.parsed();
    }

    /** The code line between Node's source position and its caret. */
    private static boolean isCodeAbove(List<String> lines, String line) {
        int i = lines.indexOf(line);
        return i >= 1 && i + 1 < lines.size() && SOURCE_POSITION.matcher(lines.get(i - 1)).matches()
                && CARET.matcher(lines.get(i + 1)).matches();
    }

    private static void exception(StackSegments s, String text, String relation) {
        Matcher m = HEADER.matcher(Shapes.head(text.strip()));
        if (m.matches() && (m.group(2) != null || ERROR_NAME.matcher(m.group(1)).matches())) {
            s.exception(m.group(1), m.group(2), relation);
        } else {
            s.exception("", text.strip(), relation);
        }
    }

    private static Frame frame(Matcher m) {
        String function = m.group(1) != null ? m.group(1) : "";
        String location = m.group(2) != null ? m.group(2) : m.group(3);
        if (location.endsWith(",")) {
            location = location.substring(0, location.length() - 1);
        }
        Matcher pos = Pattern.compile("^(.*?):(\\d+)(?::\\d+)?$").matcher(location);
        if (pos.matches()) {
            return new Frame(pos.group(1), Integer.parseInt(pos.group(2).length() > 9 ? "0" : pos.group(2)), function, "");
        }
        return new Frame(location, 0, function, "");
    }

    @Override
    public List<LineKind> kinds(List<String> lines, InApp inApp) {
        List<LineKind> kinds = new ArrayList<>(lines.size());
        boolean headSeen = false;
        for (String line : lines) {
            Matcher f = FRAME.matcher(line);
            if (!headSeen) {
                boolean above = line.isBlank() || CARET.matcher(line).matches() || SOURCE_POSITION.matcher(line).matches()
                        || isCodeAbove(lines, line);
                headSeen = !above;
                kinds.add(above ? (line.isBlank() ? LineKind.OTHER : LineKind.OWN_CODE) : LineKind.EXCEPTION);
            } else if (isFrame(line) && f.matches()) {
                kinds.add(NodeLibraries.RULE.isOwn(frame(f), inApp) ? LineKind.OWN_FRAME : LineKind.LIBRARY_FRAME);
            } else if (CAUSE.matcher(line).matches()) {
                kinds.add(LineKind.CHAIN);
            } else if (ELIDED.matcher(line).matches()) {
                kinds.add(LineKind.ELISION);
            } else if (headerAt(line.strip().isEmpty() ? " " : line.strip(), false) == 0 && line.startsWith("    ")) {
                kinds.add(LineKind.CHAIN); // a member of [errors]
            } else {
                kinds.add(LineKind.OTHER);
            }
        }
        return kinds;
    }

    @Override
    public Fingerprint fingerprint(ParsedTraceback parsed, boolean truncated, InApp inApp) {
        return StackFingerprint.of(parsed, truncated, NodeLibraries.RULE, inApp,
                f -> StackFingerprint.appFile(f.file(), inApp) + ":" + f.function(), false);
    }
}
