package dev.tracelens.traceback;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of each printed line of a Python traceback (including ExceptionGroup's {@code |}
 * margins), with {@link LibraryFiles} deciding own frames from library frames, so the frames drawn
 * as the application's own are the ones that grouped it. A line it does not recognise is
 * {@link LineKind#OTHER}, never dropped.
 */
final class PythonLineKinds {
    private static final Pattern FRAME = Pattern.compile("^\\s*File \"(.*)\", line \\d+(?:, in (.*))?$");
    /** ExceptionGroup margins: {@code "  | "} before each line of a sub-exception. */
    private static final Pattern GROUP_MARGIN = Pattern.compile("^(?:\\s*+[|+](?=\\s|$))++ ?"); // possessive: see TracebackLines.EXCEPTION
    private static final Pattern GROUP_RULE_LINE = Pattern.compile("^\\s*\\+-[-+]*(?: .* -+)?$");

    private PythonLineKinds() {
    }

    static List<LineKind> classify(List<String> text, InApp inApp) {
        List<LineKind> kinds = new ArrayList<>(text.size());
        boolean inTraceback = false;  // after a header, before the exception line
        boolean inException = false;  // on the exception line and the message lines after it
        LineKind codeKind = null;     // the kind of the code line that may follow a frame line
        for (String raw : text) {
            String body = stripMargin(raw);
            String trimmed = body.strip();
            LineKind kind;
            Matcher frame;
            if (trimmed.contains(TracebackLines.HEADER)) {
                kind = LineKind.HEADER;
                inTraceback = true;
                inException = false;
                codeKind = null;
            } else if (TracebackLines.separatorRelation(trimmed) != null) {
                kind = LineKind.CHAIN;
                inTraceback = false;
                inException = false;
                codeKind = null;
            } else if (trimmed.startsWith("+-") && GROUP_RULE_LINE.matcher(raw).matches()) {
                kind = LineKind.GROUP_RULE;
                inException = false;
                codeKind = null;
            } else if (trimmed.isEmpty()) {
                kind = LineKind.OTHER;
                inException = false;
                codeKind = null;
            } else if (inTraceback && TracebackLines.isElision(body)) {
                kind = LineKind.ELISION;
                codeKind = null;
            } else if (inTraceback && trimmed.startsWith("File \"") && (frame = FRAME.matcher(body)).matches()) {
                Matcher m = frame;
                boolean library = !inApp.isOwn(m.group(2), m.group(1), LibraryFiles.isLibrary(m.group(1)));
                kind = library ? LineKind.LIBRARY_FRAME : LineKind.OWN_FRAME;
                codeKind = library ? LineKind.LIBRARY_CODE : LineKind.OWN_CODE;
            } else if (inTraceback && codeKind != null && Character.isWhitespace(body.charAt(0))) {
                kind = codeKind; // source line, or the ^^^^ markers under it
            } else if (inTraceback && !Character.isWhitespace(body.charAt(0))) {
                kind = LineKind.EXCEPTION;
                inTraceback = false;
                inException = true;
                codeKind = null;
            } else if (inException) {
                kind = LineKind.EXCEPTION; // a message that spans several lines
            } else {
                kind = LineKind.OTHER;
            }
            kinds.add(kind);
        }
        return kinds;
    }

    private static String stripMargin(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i == line.length() || (line.charAt(i) != '|' && line.charAt(i) != '+')) {
            return line; // no margin: spares the regex on nearly every line
        }
        Matcher m = GROUP_MARGIN.matcher(line);
        return m.lookingAt() ? line.substring(m.end()) : line;
    }
}
