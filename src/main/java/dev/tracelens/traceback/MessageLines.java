package dev.tracelens.traceback;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one row's message into the lines Python printed. rsyslog escapes control characters
 * ({@code #012} newline, {@code #011} tab); some loggers write a literal backslash-n instead of a
 * newline. A literal {@code \n} is only treated as a newline when a grammar says the message
 * holds one it wrote (Python: its header followed by one), because {@code \n} is also common
 * inside quoted code and messages.
 */
final class MessageLines {
    private static final String RSYSLOG_NEWLINE = "#012";
    private static final String RSYSLOG_TAB = "#011";
    private static final String LITERAL_NEWLINE = "\\n";

    private MessageLines() {
    }

    static List<String> split(String message, Grammars grammars) {
        String m = message;
        if (m.contains(RSYSLOG_TAB)) {
            m = m.replace(RSYSLOG_TAB, "\t");
        }
        String separator = null;
        if (m.contains(RSYSLOG_NEWLINE)) {
            if (m.indexOf('\n') >= 0) {
                // Both escaped and real newlines (a JSON exc_info holding "#012"): each is a line
                // break, or a line would keep a newline inside it and its text outnumber its kinds.
                m = m.replace("\n", RSYSLOG_NEWLINE);
            }
            separator = RSYSLOG_NEWLINE;
        } else if (m.indexOf('\n') >= 0) {
            separator = "\n";
        } else if (m.contains(LITERAL_NEWLINE) && grammars.literalBreakAfter(m)) {
            separator = LITERAL_NEWLINE;
        }
        if (separator == null) {
            return List.of(stripCr(m));
        }
        List<String> lines = new ArrayList<>();
        boolean literal = separator.equals(LITERAL_NEWLINE);
        int from = 0;
        while (true) {
            int at = m.indexOf(separator, from);
            String part = stripCr(at < 0 ? m.substring(from) : m.substring(from, at));
            if (literal && !lines.isEmpty() && !startsLine(part, grammars)) {
                // A "\n" inside code or a message (print("a\nb")), not a line break Python wrote.
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + LITERAL_NEWLINE + part);
            } else {
                lines.add(part);
            }
            if (at < 0) {
                return lines;
            }
            from = at + separator.length();
        }
    }

    /** Whether text after a literal "\n" can start a traceback line. */
    private static boolean startsLine(String part, Grammars grammars) {
        if (part.isEmpty() || grammars.startsLine(part)) {
            return true;
        }
        char c = part.charAt(0);
        return c == '{' || c == '}' || c == '[' || c == ']' || c == '|' || c == '+';
    }

    private static String stripCr(String line) {
        if (line.endsWith("#015")) {
            return line.substring(0, line.length() - 4);
        }
        return !line.isEmpty() && line.charAt(line.length() - 1) == '\r' ? line.substring(0, line.length() - 1) : line;
    }
}
