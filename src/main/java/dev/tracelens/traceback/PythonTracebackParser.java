package dev.tracelens.traceback;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Reads the lines of one Python traceback (as printed, starting at the header, any log prefix
 * already removed) into frames, exception type and message, chained exceptions and
 * ExceptionGroup members. Lines it does not understand are skipped rather than rejected: the
 * assembler already decided what belongs to the traceback.
 */
public final class PythonTracebackParser {

    private PythonTracebackParser() {
    }

    public static ParsedTraceback parse(List<String> lines) {
        if (!lines.isEmpty() && lines.get(0).stripLeading().startsWith(TracebackLines.GROUP_HEADER_MARK.strip())) {
            int col = lines.get(0).indexOf('+');
            Node top = parseNode(lines.subList(1, lines.size()), col);
            List<ChainedException> causes = new ArrayList<>(top.before);
            top.children.forEach(child -> flatten(child, causes));
            return new ParsedTraceback(top.last.type, top.last.message(), top.last.frames, causes);
        }
        List<Segment> chain = parseChain(lines);
        Segment last = chain.get(chain.size() - 1);
        return new ParsedTraceback(last.type, last.message(), last.frames, chained(chain));
    }

    /** One printed exception: its frames, type and message lines, and how it relates to the next. */
    private static final class Segment {
        final List<Frame> frames = new ArrayList<>();
        final List<String> messageLines = new ArrayList<>();
        String type = "";
        boolean seenException;
        String relationToNext = "context";

        String message() {
            int end = messageLines.size();
            while (end > 0 && messageLines.get(end - 1).isBlank()) {
                end--;
            }
            return String.join("\n", messageLines.subList(0, end));
        }

        boolean empty() {
            return frames.isEmpty() && !seenException;
        }
    }

    /** An ExceptionGroup member (or the group itself): its own chain plus its members. */
    private record Node(Segment last, List<ChainedException> before, List<Node> children) {
    }

    private static List<Segment> parseChain(List<String> lines) {
        List<Segment> chain = new ArrayList<>();
        Segment current = new Segment();
        chain.add(current);
        for (String line : lines) {
            String relation = TracebackLines.separatorRelation(line);
            if (relation != null) {
                current.relationToNext = relation;
                current = new Segment();
                chain.add(current);
                continue;
            }
            if (current.seenException) {
                current.messageLines.add(line.stripTrailing());
                continue;
            }
            if (TracebackLines.isHeader(line) || TracebackLines.isElision(line)) {
                continue;
            }
            Matcher frame = TracebackLines.frame(line);
            if (frame != null) {
                current.frames.add(new Frame(frame.group(1), parseLine(frame.group(2)), frame.group(3), ""));
                continue;
            }
            Matcher exception = TracebackLines.exception(line);
            if (exception != null) {
                current.type = exception.group(1);
                current.seenException = true;
                if (exception.group(2) != null) {
                    current.messageLines.add(exception.group(2).stripTrailing());
                }
                continue;
            }
            if (!current.frames.isEmpty() && !TracebackLines.isMarker(line) && !line.isBlank()) {
                int at = current.frames.size() - 1;
                Frame f = current.frames.get(at);
                if (f.code().isEmpty()) {
                    current.frames.set(at, new Frame(f.file(), f.line(), f.function(), line.strip()));
                }
            }
        }
        // A trailing separator with nothing after it leaves an empty segment; the cut is the caller's to flag.
        return chain;
    }

    private static List<ChainedException> chained(List<Segment> chain) {
        List<ChainedException> out = new ArrayList<>();
        for (int i = 0; i < chain.size() - 1; i++) {
            Segment s = chain.get(i);
            if (!s.empty()) {
                out.add(new ChainedException(s.type, s.message(), s.frames, s.relationToNext));
            }
        }
        return out;
    }

    /**
     * Parses ExceptionGroup output whose scaffolding sits at column {@code col}: {@code |} lines
     * there are the group's own traceback, {@code +-+--- 1 ---} there starts its members, and
     * each member's lines sit two columns further right (separated by {@code +--- N ---}).
     */
    private static Node parseNode(List<String> lines, int col) {
        List<String> own = new ArrayList<>();
        int i = 0;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (charAt(line, col) == '+' && line.startsWith("+-", col)) {
                break;
            }
            own.add(charAt(line, col) == '|' ? tail(line, col + 2) : tail(line, col));
        }
        List<List<String>> members = new ArrayList<>();
        List<String> current = null;
        if (i < lines.size()) {
            current = new ArrayList<>();
            members.add(current);
        }
        for (i++; i < lines.size(); i++) {
            String line = lines.get(i);
            int sub = col + 2;
            if (charAt(line, sub) == '+' && !line.startsWith("+-+", sub) && line.startsWith("+-", sub)) {
                boolean numbered = line.substring(sub).chars().anyMatch(Character::isDigit);
                current = numbered ? new ArrayList<>() : null;
                if (current != null) {
                    members.add(current);
                }
                continue;
            }
            if (current != null) {
                current.add(line);
            }
        }
        List<Segment> chain = parseChain(own);
        List<Node> children = new ArrayList<>();
        for (List<String> member : members) {
            if (!member.isEmpty()) {
                children.add(parseNode(member, col + 2));
            }
        }
        return new Node(chain.get(chain.size() - 1), chained(chain), children);
    }

    private static void flatten(Node node, List<ChainedException> out) {
        node.before.forEach(c -> out.add(new ChainedException(c.exceptionType(), c.message(), c.frames(), "group")));
        out.add(new ChainedException(node.last.type, node.last.message(), node.last.frames, "group"));
        node.children.forEach(child -> flatten(child, out));
    }

    private static char charAt(String line, int i) {
        return i < line.length() ? line.charAt(i) : 0;
    }

    private static String tail(String line, int from) {
        return from < line.length() ? line.substring(from) : "";
    }

    private static int parseLine(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
