package dev.tracelens.traceback;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one line of Python's traceback output is. Shared by the assembler (which must decide
 * row by row whether a line still belongs to an open traceback) and the parser (which reads the
 * finished lines), so both agree on the grammar.
 */
final class TracebackLines {
    static final String HEADER = "Traceback (most recent call last):";
    static final String GROUP_HEADER_MARK = "+ Exception Group ";
    static final String CONTEXT_SEPARATOR = "During handling of the above exception, another exception occurred:";
    static final String CAUSE_SEPARATOR = "The above exception was the direct cause of the following exception:";

    private static final Pattern FRAME =
            Pattern.compile("^\\s*File \"(.*)\", line (\\d+)(?:, in (.+?))?\\s*$");
    /** Dotted identifiers, then nothing or ':' and the message. Any name counts, not only *Error. */
    private static final Pattern EXCEPTION =
            // Possessive: a greedy group repetition recurses once per iteration in java.util.regex,
            // so a long dotted word (a.b.c... in a log line) overflowed the stack (found by the fuzzer).
            Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*+(?:\\.[A-Za-z_][A-Za-z0-9_]*+)*+)(?::(?: ?(.*))?)?$", Pattern.DOTALL);
    /** 3.11+ position markers under a code line: carets, tildes and spaces only. */
    private static final Pattern MARKER = Pattern.compile("^\\s*[\\^~][\\s\\^~]*$");
    private static final Pattern ELIDED = Pattern.compile("^\\s*\\.\\.\\.<\\d+ lines?(?: cut by Tracelens)?>\\.\\.\\.\\s*$");
    private static final Pattern REPEATED = Pattern.compile("^\\s*\\[Previous line repeated \\d+ more times?\\]\\s*$");

    private TracebackLines() {
    }

    static Matcher frame(String line) {
        Matcher m = FRAME.matcher(line);
        return m.matches() ? m : null;
    }

    static boolean isFrame(String line) {
        return line.indexOf("File \"") >= 0 && FRAME.matcher(line).matches();
    }

    static boolean isIndented(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }

    static boolean isMarker(String line) {
        return MARKER.matcher(line).matches();
    }

    /** Lines Python prints inside a frame list that are neither frames nor code. */
    static boolean isElision(String line) {
        // The plain-text tests first: this runs for every frame line of every traceback.
        return (line.contains("...<") && ELIDED.matcher(line).matches())
                || (line.contains("[Previous line repeated ") && REPEATED.matcher(line).matches());
    }

    static boolean isHeader(String line) {
        return line.contains(HEADER);
    }

    /** "context", "cause", or null when the line is no chain separator. */
    static String separatorRelation(String line) {
        String s = line.strip();
        if (s.equals(CONTEXT_SEPARATOR)) {
            return "context";
        }
        if (s.equals(CAUSE_SEPARATOR)) {
            return "cause";
        }
        return null;
    }

    /**
     * The exception line ({@code Type: message} or a bare {@code Type}), or null. It never starts
     * with whitespace and is never a frame or marker line.
     */
    static Matcher exception(String line) {
        if (line.isEmpty() || isIndented(line) || line.startsWith("File \"")) {
            return null;
        }
        Matcher m = EXCEPTION.matcher(line);
        return m.matches() ? m : null;
    }

    static boolean isException(String line) {
        return exception(line) != null;
    }

    /** For ExceptionGroup output: the line without its {@code   | } frame, or null if it has none. */
    static String groupContent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        if (i < line.length() && line.charAt(i) == '|') {
            return i + 2 <= line.length() ? line.substring(i + 2) : "";
        }
        return null;
    }

    /** Whether the line is ExceptionGroup scaffolding ({@code |} or {@code +} as first visible char). */
    static boolean isGroupLine(String line) {
        String s = line.stripLeading();
        return !s.isEmpty() && (s.charAt(0) == '|' || s.charAt(0) == '+');
    }

    /** Where the printed header line starts: the header itself, or {@code   + Exception Group } before it. */
    static int headerLineStart(String line, int headerIndex) {
        int g = headerIndex - GROUP_HEADER_MARK.length();
        if (g >= 0 && line.startsWith(GROUP_HEADER_MARK, g)) {
            // Python indents the top-level group by two spaces; keep them as part of the traceback.
            if (g >= 2 && line.startsWith("  ", g - 2)) {
                return g - 2;
            }
            return g;
        }
        return headerIndex;
    }
}
