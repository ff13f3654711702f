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
 * and further goroutines after blank lines; dumps without a panic ({@code SIGQUIT: quit} and its
 * {@code PC=… m=0 sigcode=0} line, {@code fatal error: all goroutines are asleep - deadlock!}) and
 * the register lines after a dump ({@code rax    0x4c46ff}). A trace opens at its first goroutine
 * line and looks back for the panic; its frames (and group) are those of the goroutine that was
 * running ({@link #chosenGoroutine}): the first one for a panic, which Go prints first.
 */
final class GoGrammar implements TraceGrammar {
    static final Pattern GOROUTINE = Pattern.compile("^goroutine \\d+ \\[[^\\]]*\\]:\\s*$");
    private static final Pattern FUNCTION = Pattern.compile("^(?:created by )?(\\S+?)(?:\\(([^()]*)\\))?(?: in goroutine \\d+)?\\s*$");
    private static final Pattern FILE = Pattern.compile("^\\s+(\\S.*?):(\\d+)(?: \\+0x[0-9a-f]+)?(?: fp=.*)?\\s*$");
    private static final Pattern HEADER = Pattern.compile("^(panic|fatal error): (.*?)(?: \\[recovered\\])?\\s*$");
    private static final Pattern HTTP_PANIC = Pattern.compile("http: panic serving \\S+: (.*)$");
    private static final Pattern SIGNAL_HEADER = Pattern.compile("^(SIG[A-Z]+): (.*)$");
    private static final Pattern CLOSURE = Pattern.compile("\\.func\\d+(?:\\.\\d+)*|\\.gowrap\\d+|\\.\\d+$");
    /** A register of the dump after a signal: {@code rax    0x4c46ff}, {@code rflags 0x206}. */
    private static final Pattern REGISTER = Pattern.compile("^[a-z][a-z0-9]{1,6} +0x[0-9a-f]{1,16}$");
    private static final Pattern STATE = Pattern.compile("^goroutine (\\d+) \\[([^\\],]*)");
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
            if (GOROUTINE.matcher(line).matches() || ELIDED.matcher(line).matches() || JavaLines.isCut(line)
                    || REGISTER.matcher(line).matches()) {
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
        int chosen = chosenGoroutine(lines);
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
            if (goroutines != chosen) {
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

    /**
     * Which goroutine block (1 = the first) the trace's frames come from: the first one Go marks
     * {@code [running]}; else (a signal caught on an idle thread prints {@code goroutine 0 [idle]}
     * first) the first {@code runnable} or {@code syscall} one with a frame of the application's
     * own; else the first but goroutine 0. A panic's goroutine is printed first and running.
     */
    static int chosenGoroutine(List<String> lines) {
        int n = 0;
        int best = 1;
        int bestScore = -1;
        int score = -1;
        for (String whole : lines) {
            String line = Shapes.head(whole);
            Matcher m = STATE.matcher(line);
            if (line.startsWith("goroutine ") && m.lookingAt()) {
                n++;
                String state = m.group(2).strip();
                score = m.group(1).equals("0") ? 0 : state.equals("running") ? 3 : 1;
                if (score > bestScore) {
                    best = n;
                    bestScore = score;
                }
                if (score == 1 && (state.equals("runnable") || state.equals("syscall"))) {
                    score = -2; // promoted to 2 by its first own frame
                }
                continue;
            }
            if (score == -2 && !line.startsWith("\t") && !line.isBlank() && !line.startsWith("created by ")) {
                Matcher f = FUNCTION.matcher(line);
                if (f.matches() && isAppFunction(f.group(1)) && bestScore < 2) {
                    best = n;
                    bestScore = 2;
                    score = 2;
                }
            }
        }
        return best;
    }

    /** {@code main.x} or a function of a module ({@code github.com/acme/...}): not the standard library or runtime. */
    private static boolean isAppFunction(String function) {
        String pkg = GoLibraries.packageOf(function);
        String first = pkg.contains("/") ? pkg.substring(0, pkg.indexOf('/')) : pkg;
        return pkg.equals("main") || first.contains(".");
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
