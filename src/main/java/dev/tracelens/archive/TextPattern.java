package dev.tracelens.archive;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a plain-text line is laid out when the automatic reading (syslog, or a timestamp first) is
 * not enough: a Python {@code logging} format string such as
 * {@code %(asctime)s %(levelname)s %(name)s: %(message)s}, or a regular expression with named
 * groups {@code time}, {@code host}, {@code program}, {@code pid} and {@code message} (all
 * optional). A line that does not match continues the row before it (a traceback line, say).
 *
 * <p>Python attributes map to groups: {@code asctime}/{@code created} to time, {@code name} to
 * program, {@code process} to pid, {@code message} to message; the others match any text.
 */
public final class TextPattern {
    private static final Pattern PY_FIELD = Pattern.compile("%\\((\\w+)\\)([-#0 +]*)(\\d*)(?:\\.\\d+)?([sdfrxXeEgGi])");

    private final String source;
    private final Pattern regex;
    private final boolean hasTime;
    private final boolean hasHost;
    private final boolean hasProgram;
    private final boolean hasPid;
    private final boolean hasMessage;

    private TextPattern(String source, Pattern regex) {
        this.source = source;
        this.regex = regex;
        var groups = regex.namedGroups();
        this.hasTime = groups.containsKey("time");
        this.hasHost = groups.containsKey("host");
        this.hasProgram = groups.containsKey("program");
        this.hasPid = groups.containsKey("pid");
        this.hasMessage = groups.containsKey("message");
    }

    /**
     * A Python {@code logging} format string (it holds {@code %(}) or a regular expression.
     *
     * @throws IllegalArgumentException for a regex that does not compile, with the reason
     */
    public static TextPattern parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.contains("%(")) {
            return new TextPattern(spec, Pattern.compile(fromPythonFormat(spec)));
        }
        try {
            return new TextPattern(spec, Pattern.compile(spec));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("text pattern is not a valid regular expression: "
                    + e.getDescription() + " at index " + e.getIndex(), e);
        }
    }

    static String fromPythonFormat(String format) {
        StringBuilder regex = new StringBuilder("^");
        Matcher m = PY_FIELD.matcher(format);
        int at = 0;
        boolean seenMessage = false;
        while (m.find()) {
            literal(regex, format.substring(at, m.start()));
            String attribute = m.group(1);
            boolean padded = !m.group(3).isEmpty();
            String group = switch (attribute) {
                case "asctime" -> "(?<time>\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?|.+?)";
                case "created" -> "(?<time>\\d+(?:\\.\\d+)?)";
                case "name" -> "(?<program>\\S+?)";
                case "process" -> "(?<pid>\\d+)";
                case "message" -> seenMessage ? "(?:.*)" : "(?<message>.*)";
                case "levelname", "levelno", "module", "funcName", "filename", "threadName", "processName",
                     "lineno", "thread", "taskName" -> "(?:\\S+?)";
                default -> "(?:.*?)";
            };
            seenMessage |= attribute.equals("message");
            regex.append(padded ? " *" + group + " *" : group);
            at = m.end();
        }
        literal(regex, format.substring(at));
        regex.append('$');
        return regex.toString();
    }

    /** Literal text of the format; a run of spaces matches one or more (padding shifts columns). */
    private static void literal(StringBuilder regex, String text) {
        String t = text.replace("%%", "%");
        int i = 0;
        while (i < t.length()) {
            if (t.charAt(i) == ' ') {
                while (i < t.length() && t.charAt(i) == ' ') {
                    i++;
                }
                regex.append(" +");
            } else {
                int j = i;
                while (j < t.length() && t.charAt(j) != ' ') {
                    j++;
                }
                regex.append(Pattern.quote(t.substring(i, j)));
                i = j;
            }
        }
    }

    Pattern regex() {
        return regex;
    }

    boolean hasTime() {
        return hasTime;
    }

    boolean hasHost() {
        return hasHost;
    }

    boolean hasProgram() {
        return hasProgram;
    }

    boolean hasPid() {
        return hasPid;
    }

    boolean hasMessage() {
        return hasMessage;
    }

    @Override
    public String toString() {
        return source;
    }
}
