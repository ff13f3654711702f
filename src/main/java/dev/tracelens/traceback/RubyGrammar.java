package dev.tracelens.traceback;

import dev.tracelens.archive.ByteTrigger;
import dev.tracelens.archive.LogLine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ruby backtraces: the interpreter's {@code file.rb:12:in 'm': msg (Cls)} with {@code \tfrom …}
 * lines (and the cause printed after, Ruby 3.1+), and Rails-style logs: {@code Cls (msg):} then
 * one {@code app/models/x.rb:12:in 'm'} line per frame.
 */
final class RubyGrammar implements TraceGrammar {
    private static final Pattern UNCAUGHT = Pattern.compile("^(.+?):(\\d+):in [`'](.+?)': (.*) \\(([A-Z][\\w:]*)\\)$", Pattern.DOTALL);
    private static final Pattern RAILS_HEADER = Pattern.compile("^([A-Z][\\w:]*(?:Error|Exception|Invalid|NotFound|Timeout)\\w*) \\((.*)\\):?$");
    private static final Pattern FROM = Pattern.compile("^\\s+from (.+?):(\\d+):in [`'](.*)'\\s*$");
    private static final Pattern BARE = Pattern.compile("^\\s*([^\\s:'`]+\\.rb):(\\d+):in [`'](.*)'\\s*$");
    private static final Pattern LEVELS = Pattern.compile("block \\(\\d+ levels\\) in ");

    @Override
    public Language language() {
        return Language.RUBY;
    }

    @Override
    public void trigger(ByteTrigger.Builder trigger) {
        trigger.startsWith("\tfrom ").startsWith("#011from ").endsWithAndContains('\'', ".rb:");
    }

    @Override
    public boolean startsLine(String part) {
        return FROM.matcher(part).matches() || BARE.matcher(part).matches();
    }

    private static boolean isFrame(String line) {
        return Shapes.frameSized(line) && line.contains(":in ")
                && (FROM.matcher(line).matches() || BARE.matcher(line).matches());
    }

    @Override
    public OpenTrace open(Opening o) {
        if (!o.line.contains(":in ")) {
            return null;
        }
        Lookback.FrameAt frame = Lookback.frame(o.line, RubyGrammar::isFrame, "from ");
        if (frame == null) {
            return null;
        }
        FrameTrace.Start start = Lookback.start(o, frame, RubyGrammar::headerAt, line -> false);
        return start == null ? null : new RubyTrace(this, start, o.contextBefore(start.rowsBack()));
    }

    private static int headerAt(String whole, boolean nearest) {
        String line = Shapes.head(whole);
        if (UNCAUGHT.matcher(line).matches() || RAILS_HEADER.matcher(line).matches()) {
            return 0;
        }
        if (nearest && line.contains(".rb:")) {
            Matcher m = Pattern.compile("(?<=\\s)[^\\s:]+\\.rb:\\d+:in [`'].+?': .* \\([A-Z][\\w:]*\\)$").matcher(line);
            if (m.find()) {
                return m.start();
            }
        }
        return -1;
    }

    static final class RubyTrace extends FrameTrace {
        RubyTrace(TraceGrammar grammar, Start start, LogLine[] context) {
            super(grammar, start, context);
        }

        @Override
        Fit fit(String line) {
            // A cause prints as an uncaught exception line of its own after the frames.
            return isFrame(line) || (Shapes.frameSized(line) && UNCAUGHT.matcher(line).matches()) || JavaLines.isCut(line)
                    ? Fit.TAKE : Fit.END;
        }
    }

    @Override
    public ParsedTraceback parse(List<String> lines) {
        StackSegments s = new StackSegments();
        for (String whole : lines) {
            String line = Shapes.frameSized(whole) ? whole : "";
            Matcher u = UNCAUGHT.matcher(line);
            if (u.matches()) {
                s.exception(u.group(5), u.group(4), "cause");
                s.frame(new Frame(u.group(1), parse(u.group(2)), u.group(3), ""));
                continue;
            }
            if (s.isEmpty()) {
                Matcher r = RAILS_HEADER.matcher(Shapes.head(whole));
                if (r.matches()) {
                    s.exception(r.group(1), r.group(2), "cause");
                } else {
                    s.exception("", whole.strip(), "cause");
                }
                continue;
            }
            Matcher f = FROM.matcher(line);
            if (!f.matches()) {
                f = BARE.matcher(line);
            }
            if (f.matches()) {
                s.frame(new Frame(f.group(1), parse(f.group(2)), f.group(3), ""));
            }
        }
        return s.parsed();
    }

    private static int parse(String digits) {
        return digits.length() > 9 ? 0 : Integer.parseInt(digits);
    }

    @Override
    public List<LineKind> kinds(List<String> lines, InApp inApp) {
        List<LineKind> kinds = new ArrayList<>(lines.size());
        for (String whole : lines) {
            String line = Shapes.frameSized(whole) ? whole : "";
            Matcher u = UNCAUGHT.matcher(line);
            Matcher f = FROM.matcher(line);
            if (!f.matches()) {
                f = BARE.matcher(line);
            }
            if (u.matches()) {
                kinds.add(kinds.isEmpty() ? LineKind.EXCEPTION : LineKind.CHAIN);
            } else if (kinds.isEmpty()) {
                kinds.add(LineKind.EXCEPTION);
            } else if (f.matches()) {
                Frame frame = new Frame(f.group(1), 0, f.group(3), "");
                kinds.add(RubyLibraries.RULE.isOwn(frame, inApp) ? LineKind.OWN_FRAME : LineKind.LIBRARY_FRAME);
            } else if (JavaLines.isCut(line)) {
                kinds.add(LineKind.ELISION);
            } else {
                kinds.add(LineKind.OTHER);
            }
        }
        return kinds;
    }

    @Override
    public Fingerprint fingerprint(ParsedTraceback parsed, boolean truncated, InApp inApp) {
        return StackFingerprint.of(parsed, truncated, RubyLibraries.RULE, inApp,
                f -> StackFingerprint.appFile(f.file(), inApp) + ":" + LEVELS.matcher(f.function()).replaceAll("block in "), false);
    }
}
