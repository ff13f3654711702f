package dev.tracelens.traceback;

import dev.tracelens.archive.ByteTrigger;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JVM stack traces (Java, Kotlin, Scala): the exception line ({@code Exception in thread "main"
 * a.b.CError: msg}, or bare after a logger's line, or after a logger prefix), then {@code \tat}
 * frames, {@code ... N more}, {@code Caused by:}, {@code Suppressed:} and logback's {@code ... N
 * common frames omitted}. A trace opens at its first frame and looks back for its exception line.
 */
final class JavaGrammar implements TraceGrammar {
    private static final Pattern LAMBDA_NUMBER = Pattern.compile("(lambda\\$[\\w]*?)\\$\\d+");
    private static final Pattern ANONYMOUS = Pattern.compile("\\$\\d+");
    private static final Pattern GENERATED = Pattern.compile(
            "\\$\\$Lambda[^.]*|/0x[0-9a-fA-F]+|\\$\\$(?:EnhancerBy|FastClassBy)\\w*?\\$\\$[0-9a-f]+"
                    + "|(?<=GeneratedMethodAccessor|GeneratedConstructorAccessor|GeneratedSerializationConstructorAccessor|\\$Proxy)\\d+");

    @Override
    public Language language() {
        return Language.JAVA;
    }

    @Override
    public void trigger(ByteTrigger.Builder trigger) {
        trigger.startsWith("\tat ").startsWith("    at ").startsWith("  at ").startsWith("#011at ")
                .contains("#011at ").endsWithAndContains(')', " at ");
    }

    @Override
    public boolean literalBreakAfter(String message) {
        return message.contains("\\n\\tat ") || message.contains("\\n    at ");
    }

    @Override
    public boolean startsLine(String part) {
        return JavaLines.isFrame(part) || JavaLines.chained(part) != null || JavaLines.isElision(part);
    }

    @Override
    public OpenTrace open(Opening o) {
        if (!o.line.contains("at ")) {
            return null;
        }
        Lookback.FrameAt frame = Lookback.frame(o.line, JavaLines::isFrame, "at ");
        if (frame == null) {
            return null;
        }
        FrameTrace.Start start = Lookback.start(o, frame, JavaLines::headerAt, JavaGrammar::between);
        if (start == null) {
            return null;
        }
        return new JavaTrace(this, start, o.contextBefore(start.rowsBack()));
    }

    /** Indented message lines between an exception line and its first frame ({@code   nested exception is:}). */
    private static boolean between(String line) {
        return (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !JavaLines.isFrame(line);
    }

    @Override
    public ParsedTraceback parse(List<String> lines) {
        StackSegments s = new StackSegments();
        for (String line : lines) {
            if (s.isEmpty()) {
                exception(s, line.strip(), "cause");
                continue;
            }
            Matcher f = JavaLines.frame(line);
            if (f != null) {
                s.frame(frame(f));
                continue;
            }
            if (JavaLines.isElision(line)) {
                continue;
            }
            String chained = JavaLines.chained(line);
            if (chained != null) {
                exception(s, chained, JavaLines.isSuppressed(line) ? "suppressed" : "cause");
                continue;
            }
            s.messageLine(line);
        }
        return s.parsed();
    }

    private static void exception(StackSegments s, String text, String relation) {
        Matcher m = JavaLines.EXCEPTION.matcher(text);
        if (m.matches()) {
            s.exception(m.group(1), m.group(2), relation);
        } else {
            int colon = text.indexOf(": ");
            s.exception(colon > 0 ? text.substring(0, colon) : text, colon > 0 ? text.substring(colon + 2) : "", relation);
        }
    }

    private static Frame frame(Matcher m) {
        String location = m.group(3);
        String file = location;
        int line = 0;
        int colon = location.lastIndexOf(':');
        if (colon > 0) {
            file = location.substring(0, colon);
            try {
                line = Integer.parseInt(location.substring(colon + 1));
            } catch (NumberFormatException e) {
                line = 0;
            }
        }
        return new Frame(file, line, m.group(1) + "." + m.group(2), "");
    }

    @Override
    public List<LineKind> kinds(List<String> lines, InApp inApp) {
        List<LineKind> kinds = new ArrayList<>(lines.size());
        boolean head = true;
        for (String line : lines) {
            Matcher f = JavaLines.frame(line);
            if (kinds.isEmpty()) {
                kinds.add(LineKind.EXCEPTION);
            } else if (f != null) {
                head = false;
                kinds.add(JavaLibraries.RULE.isOwn(frame(f), inApp) ? LineKind.OWN_FRAME : LineKind.LIBRARY_FRAME);
            } else if (JavaLines.isElision(line)) {
                kinds.add(LineKind.ELISION);
            } else if (JavaLines.chained(line) != null) {
                head = true;
                kinds.add(LineKind.CHAIN);
            } else {
                kinds.add(head && !line.isBlank() ? LineKind.EXCEPTION : LineKind.OTHER);
            }
        }
        return kinds;
    }

    @Override
    public Fingerprint fingerprint(ParsedTraceback parsed, boolean truncated, InApp inApp) {
        return StackFingerprint.of(parsed, truncated, JavaLibraries.RULE, inApp, f -> normalize(f.function()), false);
    }

    /** Class and method without lambda, anonymous-class and generated-class numbers. */
    static String normalize(String function) {
        String f = LAMBDA_NUMBER.matcher(function).replaceAll("$1");
        f = GENERATED.matcher(f).replaceAll("");
        return ANONYMOUS.matcher(f).replaceAll("\\$");
    }
}
