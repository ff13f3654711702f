package dev.tracelens.archive;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

/**
 * Plain-text lines read by a user's {@link TextPattern}. Slower than {@link TextRows} (a String
 * and a regex match per line), which is the price of a layout no automatic reading knows. A line
 * that does not match continues the row before, as a traceback's lines do.
 */
final class PatternRows extends LineRows {
    private final TextPattern pattern;
    private final Matcher matcher;

    PatternRows(FileContext file, TextPattern pattern) {
        super(file);
        this.pattern = pattern;
        this.matcher = pattern.regex().matcher("");
    }

    @Override
    protected void parse(byte[] a, int from, int to, long lineNumber, boolean maybeNonAscii) {
        String line = new String(a, from, to - from, StandardCharsets.UTF_8);
        if (!matcher.reset(line).matches()) {
            emit(a, from, to, lastMillis, inheritedSource(), lineNumber);
            return;
        }
        long millis = lastMillis;
        if (pattern.hasTime() && matcher.group("time") != null) {
            long t = timeOf(matcher.group("time"));
            if (t != Timestamps.INVALID) {
                millis = t;
            }
        }
        Source source = lastSource == null ? inheritedSource() : lastSource;
        if (pattern.hasHost() || pattern.hasProgram()) {
            byte[] host = pattern.hasHost() && matcher.group("host") != null && !matcher.group("host").isEmpty()
                    ? matcher.group("host").getBytes(StandardCharsets.UTF_8) : fileHost;
            byte[] program = pattern.hasProgram() && matcher.group("program") != null
                    ? matcher.group("program").getBytes(StandardCharsets.UTF_8) : new byte[0];
            source = sources.intern(host, 0, host.length, program, 0, program.length);
        } else {
            source = sources.intern(fileHost, 0, fileHost.length, fileHost, 0, 0);
        }
        int messageFrom = from;
        if (pattern.hasMessage() && matcher.start("message") >= 0) {
            int start = matcher.start("message");
            messageFrom = from + (maybeNonAscii ? utf8Length(line, start) : start);
        }
        emit(a, messageFrom, to, millis, source, lineNumber);
    }

    private static long timeOf(String text) {
        byte[] b = text.trim().getBytes(StandardCharsets.UTF_8);
        long t = Timestamps.parseMillis(b, 0, b.length);
        if (t == Timestamps.INVALID) {
            t = EpochTime.parse(b, 0, b.length);
        }
        return t;
    }

    private static int utf8Length(String s, int chars) {
        return s.substring(0, chars).getBytes(StandardCharsets.UTF_8).length;
    }
}
