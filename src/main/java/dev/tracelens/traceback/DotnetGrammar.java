package dev.tracelens.traceback;

import dev.tracelens.archive.ByteTrigger;
import dev.tracelens.archive.LogLine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * .NET's {@code Exception.ToString()}: {@code System.X: msg}, {@code    at Ns.Cls.M(args) in
 * C:\p\File.cs:line 12}, an inner exception's {@code  ---> Inner: msg} and {@code --- End of inner
 * exception stack trace ---}, async code's {@code --- End of stack trace from previous location ---}.
 * The inner exception prints first (its frames before the outer's); the exception thrown is the outer.
 */
final class DotnetGrammar implements TraceGrammar {
    /** {@code at Ns.Cls.M(Type arg)[ in path:line N]}: parameters in the parentheses, unlike Java's file. */
    static final Pattern FRAME = Pattern.compile("^\\s*at ([^()\\s]+(?:\\[[^\\]]*\\])?)\\(([^()]*)\\)(?: in (.+?)(?::line (\\d+))?)?\\s*$");
    private static final Pattern HEADER = Pattern.compile(
            "^(?:Unhandled [Ee]xception[.:] )?((?:[A-Za-z_][\\w`]*+\\.)++[\\w`]*+(?<=Exception|Error|Fault))(?:: (.*))?$", Pattern.DOTALL);
    private static final Pattern INNER = Pattern.compile("^\\s*---> ((?:[A-Za-z_][\\w`]*\\.)*[\\w`]+)(?:: (.*))?$", Pattern.DOTALL);
    private static final Pattern END_INNER = Pattern.compile("^\\s*--- End of inner exception stack trace ---\\s*$");
    private static final Pattern END_ASYNC = Pattern.compile("^\\s*--- End of stack trace from previous location(?: where exception was thrown)? ---\\s*$");
    private static final Pattern NUMBERS = Pattern.compile("(?<=__)[\\d_]+|(?<=>d__)\\d+|(?<=b__)\\d+(?:_\\d+)?");

    @Override
    public Language language() {
        return Language.DOTNET;
    }

    @Override
    public void trigger(ByteTrigger.Builder trigger) {
        trigger.startsWith("   at ").startsWith(" ---> ");
    }

    @Override
    public boolean startsLine(String part) {
        return isFrame(part) || INNER.matcher(part).matches() || END_INNER.matcher(part).matches();
    }

    static boolean isFrame(String line) {
        if (!Shapes.frameSized(line) || !line.contains("at ")) {
            return false;
        }
        Matcher m = FRAME.matcher(line);
        // Java prints a file in the parentheses and never empty ones; .NET prints parameters, a space between type and name.
        return m.matches() && (m.group(2).isEmpty() || m.group(2).contains(" ") || m.group(3) != null);
    }

    @Override
    public OpenTrace open(Opening o) {
        if (!o.line.contains("at ")) {
            return null;
        }
        Lookback.FrameAt frame = Lookback.frame(o.line, DotnetGrammar::isFrame, "at ");
        if (frame == null) {
            return null;
        }
        FrameTrace.Start start = Lookback.start(o, frame, DotnetGrammar::headerAt, line -> INNER.matcher(line).matches());
        return start == null ? null : new DotnetTrace(this, start, o.contextBefore(start.rowsBack()));
    }

    private static int headerAt(String whole, boolean nearest) {
        String line = Shapes.head(whole);
        if (INNER.matcher(line).matches()) {
            return -1;
        }
        if (HEADER.matcher(line).matches()) {
            return 0;
        }
        if (!nearest) {
            return -1;
        }
        Matcher m = Pattern.compile("(?<=[\\s:\\]])(?:Unhandled [Ee]xception[.:] )?(?:[A-Za-z_]\\w*+\\.)++\\w*+(?<=Exception)(?:: .*)?$").matcher(line);
        return m.find() ? m.start() : -1;
    }

    static final class DotnetTrace extends FrameTrace {
        DotnetTrace(TraceGrammar grammar, Start start, LogLine[] context) {
            super(grammar, start, context);
        }

        @Override
        Fit fit(String line) {
            if (isFrame(line) || END_INNER.matcher(line).matches() || END_ASYNC.matcher(line).matches()
                    || INNER.matcher(Shapes.head(line)).matches() || JavaLines.isCut(line)) {
                return Fit.TAKE;
            }
            return Fit.END;
        }
    }

    @Override
    public ParsedTraceback parse(List<String> lines) {
        // Exceptions outermost first; frames go to the innermost open one until its "End of inner".
        List<String[]> exceptions = new ArrayList<>();
        List<List<Frame>> frames = new ArrayList<>();
        int current = -1;
        for (String line : lines) {
            if (exceptions.isEmpty()) {
                Matcher h = HEADER.matcher(Shapes.head(line.strip()));
                String text = h.matches() ? line.strip() : line.strip();
                String[] typeAndMessage = h.matches() ? new String[] {h.group(1), h.group(2)} : split(text);
                // An inner exception may follow on the same line: "Outer: msg ---> Inner: msg".
                String message = typeAndMessage[1] == null ? "" : typeAndMessage[1];
                int arrow = message.indexOf(" ---> ");
                exceptions.add(new String[] {typeAndMessage[0], arrow >= 0 ? message.substring(0, arrow) : message});
                frames.add(new ArrayList<>());
                current = 0;
                if (arrow >= 0) {
                    String[] inner = split(message.substring(arrow + 6));
                    exceptions.add(inner);
                    frames.add(new ArrayList<>());
                    current = 1;
                }
                continue;
            }
            Matcher inner = INNER.matcher(Shapes.head(line));
            if (inner.matches()) {
                exceptions.add(new String[] {inner.group(1), inner.group(2) == null ? "" : inner.group(2)});
                frames.add(new ArrayList<>());
                current = exceptions.size() - 1;
                continue;
            }
            if (END_INNER.matcher(line).matches()) {
                current = Math.max(0, current - 1);
                continue;
            }
            Matcher f = FRAME.matcher(Shapes.frameSized(line) ? line : "");
            if (current >= 0 && f.matches()) {
                frames.get(current).add(frame(f));
            }
        }
        if (exceptions.isEmpty()) {
            return new ParsedTraceback("", "", List.of(), List.of());
        }
        List<ChainedException> causes = new ArrayList<>();
        for (int i = 1; i < exceptions.size(); i++) {
            causes.add(new ChainedException(exceptions.get(i)[0], exceptions.get(i)[1], frames.get(i).reversed(), "cause"));
        }
        return new ParsedTraceback(exceptions.getFirst()[0], exceptions.getFirst()[1], frames.getFirst().reversed(), causes);
    }

    private static String[] split(String text) {
        int colon = text.indexOf(": ");
        return colon > 0 ? new String[] {text.substring(0, colon).strip(), text.substring(colon + 2)} : new String[] {text.strip(), ""};
    }

    private static Frame frame(Matcher m) {
        int line = m.group(4) == null || m.group(4).length() > 9 ? 0 : Integer.parseInt(m.group(4));
        return new Frame(m.group(3) == null ? "" : m.group(3), line, m.group(1), "");
    }

    @Override
    public List<LineKind> kinds(List<String> lines, InApp inApp) {
        List<LineKind> kinds = new ArrayList<>(lines.size());
        for (String line : lines) {
            Matcher f = FRAME.matcher(Shapes.frameSized(line) ? line : "");
            if (kinds.isEmpty()) {
                kinds.add(LineKind.EXCEPTION);
            } else if (f.matches()) {
                kinds.add(DotnetLibraries.RULE.isOwn(frame(f), inApp) ? LineKind.OWN_FRAME : LineKind.LIBRARY_FRAME);
            } else if (INNER.matcher(Shapes.head(line)).matches() || END_INNER.matcher(line).matches()) {
                kinds.add(LineKind.CHAIN);
            } else if (END_ASYNC.matcher(line).matches() || JavaLines.isCut(line)) {
                kinds.add(LineKind.ELISION);
            } else {
                kinds.add(LineKind.OTHER);
            }
        }
        return kinds;
    }

    @Override
    public Fingerprint fingerprint(ParsedTraceback parsed, boolean truncated, InApp inApp) {
        return StackFingerprint.of(parsed, truncated, DotnetLibraries.RULE, inApp, f -> normalize(f.function()), false);
    }

    /** Compiler-generated names without their numbers ({@code <PlaceAsync>d__5} → {@code <PlaceAsync>d__}). */
    static String normalize(String function) {
        return NUMBERS.matcher(function).replaceAll("");
    }
}
