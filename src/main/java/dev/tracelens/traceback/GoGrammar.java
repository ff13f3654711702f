package dev.tracelens.traceback;

import dev.tracelens.archive.ByteTrigger;
import dev.tracelens.archive.LogLine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go panics and goroutine dumps: {@code panic: …} (also {@code [recovered]} and nested re-panics),
 * {@code fatal error: …}, {@code http: panic serving …}, then {@code goroutine N [state]:} blocks
 * of a function line and a {@code \t/path/file.go:123 +0x1d} line per frame, {@code created by …},
 * and further goroutines after blank lines. A trace opens at its first goroutine line and looks
 * back for the panic; its frames (and group) are those of the first goroutine, the one that panicked.
 */
final class GoGrammar implements TraceGrammar {
    static final Pattern GOROUTINE = Pattern.compile("^goroutine \\d+ \\[[^\\]]*\\]:\\s*$");
    private static final Pattern FUNCTION = Pattern.compile("^(?:created by )?(\\S+?)(?:\\(([^()]*)\\))?(?: in goroutine \\d+)?\\s*$");
    private static final Pattern FILE = Pattern.compile("^\\s+(\\S.*?):(\\d+)(?: \\+0x[0-9a-f]+)?(?: fp=.*)?\\s*$");
    private static final Pattern HEADER = Pattern.compile("^(panic|fatal error): (.*?)(?: \\[recovered\\])?\\s*$");
    private static final Pattern HTTP_PANIC = Pattern.compile("http: panic serving \\S+: (.*)$");
    private static final Pattern SIGNAL_HEADER = Pattern.compile("^(SIG[A-Z]+): (.*)$");
    private static final Pattern CLOSURE = Pattern.compile("\\.func\\d+(?:\\.\\d+)*|\\.gowrap\\d+|\\.\\d+$");
    private static final Pattern ELIDED = Pattern.compile("^\\.\\.\\.\\d+ frames elided\\.\\.\\.$|^\\.\\.\\.additional frames elided\\.\\.\\.$");

    @Override
    public Language language() {
        return Language.GO;
    }

    @Override
    public void trigger(ByteTrigger.Builder trigger) {
        trigger.startsWith("goroutine ");
    }

    @Override
    public boolean startsLine(String part) {
        return GOROUTINE.matcher(part).matches();
    }

    @Override
    public OpenTrace open(Opening o) {
        if (!o.line.startsWith("goroutine ") || !GOROUTINE.matcher(o.line).matches()) {
            return null;
        }
        FrameTrace.Start start = Lookback.start(o, new Lookback.FrameAt("", o.line), GoGrammar::headerAt,
                line -> line.startsWith("[signal ") || line.startsWith("\tpanic: ") || line.startsWith("PC=")
                        || line.startsWith("panic: ") || line.startsWith("\t"));
        return start == null ? null : new GoTrace(this, start, o.contextBefore(start.rowsBack()));
    }

    private static int headerAt(String whole, boolean nearest) {
        String line = Shapes.head(whole);
        if (HEADER.matcher(line).matches() || SIGNAL_HEADER.matcher(line).matches()) {
            return 0;
        }
        Matcher m = HTTP_PANIC.matcher(line);
        return m.find() ? m.start() : -1;
    }

    /** Goroutine blocks: a function line is held until its file line shows it is a frame. */
    static final class GoTrace extends FrameTrace {
        GoTrace(TraceGrammar grammar, Start start, LogLine[] context) {
            super(grammar, start, context);
        }

        @Override
        Fit fit(String line) {
            if (GOROUTINE.matcher(line).matches() || ELIDED.matcher(line).matches() || JavaLines.isCut(line)) {
                return Fit.TAKE;
            }
            if (!Shapes.frameSized(line)) {
                return Fit.END;
            }
            if (line.charAt(0) == '\t' && FILE.matcher(line).matches()) {
                return Fit.TAKE;
            }
            if (line.charAt(0) != ' ' && line.charAt(0) != '\t' && FUNCTION.matcher(line).matches()) {
                return Fit.HOLD;
            }
            return Fit.END;
        }
    }

    @Override
    public ParsedTraceback parse(List<String> lines) {
        String type = "";
        String message = "";
        List<Frame> frames = new ArrayList<>();
        int goroutines = 0;
        String function = null;
        for (String whole : lines) {
            String line = Shapes.frameSized(whole) ? whole : Shapes.head(whole);
            if (type.isEmpty()) {
                Matcher h = HEADER.matcher(line);
                Matcher s = SIGNAL_HEADER.matcher(line);
                Matcher w = HTTP_PANIC.matcher(line);
                if (h.matches()) {
                    type = h.group(1);
                    message = h.group(2);
                } else if (s.matches()) {
                    type = s.group(1);
                    message = s.group(2);
                } else if (w.find()) {
                    type = "panic";
                    message = w.group(1);
                }
                continue;
            }
            if (GOROUTINE.matcher(line).matches()) {
                goroutines++;
                function = null;
                continue;
            }
            if (goroutines != 1) {
                continue;
            }
            Matcher file = FILE.matcher(line);
            if (line.startsWith("\t") && file.matches() && function != null) {
                frames.add(new Frame(file.group(1), Integer.parseInt(file.group(2).length() > 9 ? "0" : file.group(2)), function, ""));
                function = null;
                continue;
            }
            Matcher f = FUNCTION.matcher(line);
            if (!line.isBlank() && !line.startsWith("\t") && !line.startsWith("created by ") && f.matches()) {
                function = f.group(1);
            } else {
                function = null;
            }
        }
        return new ParsedTraceback(type, message, frames.reversed(), List.of());
    }

    @Override
    public List<LineKind> kinds(List<String> lines, InApp inApp) {
        List<LineKind> kinds = new ArrayList<>(lines.size());
        boolean headSeen = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = Shapes.head(lines.get(i));
            if (!headSeen) {
                headSeen = !line.isBlank();
                kinds.add(headSeen ? LineKind.EXCEPTION : LineKind.OTHER);
            } else if (GOROUTINE.matcher(line).matches()) {
                kinds.add(LineKind.HEADER);
            } else if (line.startsWith("\t") && FILE.matcher(line).matches() && i > 0 && !kinds.isEmpty()) {
                LineKind previous = kinds.get(i - 1);
                kinds.add(previous == LineKind.OWN_FRAME ? LineKind.OWN_CODE
                        : previous == LineKind.LIBRARY_FRAME ? LineKind.LIBRARY_CODE : LineKind.OTHER);
            } else if (ELIDED.matcher(line).matches() || JavaLines.isCut(line)) {
                kinds.add(LineKind.ELISION);
            } else if (!line.isBlank() && i + 1 < lines.size() && FUNCTION.matcher(line).matches()) {
                Matcher file = FILE.matcher(Shapes.head(lines.get(i + 1)));
                Matcher f = FUNCTION.matcher(line);
                f.matches();
                String path = file.matches() ? file.group(1) : "";
                boolean own = GoLibraries.RULE.isOwn(new Frame(path, 0, f.group(1), ""), inApp);
                kinds.add(own ? LineKind.OWN_FRAME : LineKind.LIBRARY_FRAME);
            } else if (line.startsWith("[signal ") || line.startsWith("\tpanic: ")) {
                kinds.add(LineKind.EXCEPTION);
            } else {
                kinds.add(LineKind.OTHER);
            }
        }
        return kinds;
    }

    @Override
    public Fingerprint fingerprint(ParsedTraceback parsed, boolean truncated, InApp inApp) {
        return StackFingerprint.of(parsed, truncated, GoLibraries.RULE, inApp, f -> normalize(f.function()), true);
    }

    /** The function without closure numbers ({@code main.main.func1} → {@code main.main.func}). */
    static String normalize(String function) {
        return CLOSURE.matcher(function).replaceAll(".func");
    }
}
