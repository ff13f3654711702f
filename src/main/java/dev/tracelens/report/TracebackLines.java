package dev.tracelens.report;

import dev.tracelens.traceback.LibraryFiles;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a traceback's printed text into lines with a role, so HTML can emphasise what a
 * reader looks for first: the application's own frames over library frames, the exception
 * line, and where one chained exception ends and the next begins. Works on the text as Python
 * printed it (including ExceptionGroup's {@code |} margins); a line it does not recognise is
 * {@link Kind#OTHER}, never dropped.
 */
final class TracebackLines {

    enum Kind { HEADER, APP_FRAME, LIBRARY_FRAME, APP_CODE, LIBRARY_CODE, EXCEPTION, CHAIN, GROUP_RULE, OTHER }

    record Line(Kind kind, String text) {
    }

    private static final Pattern FRAME = Pattern.compile("^\\s*File \"(.*)\", line \\d+(?:, in .*)?$");
    /** ExceptionGroup margins: {@code "  | "} before each line of a sub-exception. */
    private static final Pattern GROUP_MARGIN = Pattern.compile("^(?:\\s*[|+](?=\\s|$))+ ?");
    private static final Pattern GROUP_RULE_LINE = Pattern.compile("^\\s*\\+-[-+]*(?: .* -+)?$");

    private TracebackLines() {
    }

    static List<Line> of(String text) {
        List<Line> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return lines;
        }
        boolean inTraceback = false;  // after a header, before the exception line
        boolean inException = false;  // on the exception line and the message lines after it
        Kind codeKind = null;         // the kind of the code line that may follow a frame line
        for (String raw : text.split("\n", -1)) {
            String body = stripMargin(raw);
            String trimmed = body.strip();
            Kind kind;
            if (trimmed.startsWith("Traceback (most recent call last)")
                    || trimmed.startsWith("Exception Group Traceback (most recent call last)")) {
                kind = Kind.HEADER;
                inTraceback = true;
                inException = false;
                codeKind = null;
            } else if (trimmed.startsWith("The above exception was the direct cause")
                    || trimmed.startsWith("During handling of the above exception")) {
                kind = Kind.CHAIN;
                inTraceback = false;
                inException = false;
                codeKind = null;
            } else if (GROUP_RULE_LINE.matcher(raw).matches()) {
                kind = Kind.GROUP_RULE;
                inException = false;
                codeKind = null;
            } else if (trimmed.isEmpty()) {
                kind = Kind.OTHER;
                inException = false;
                codeKind = null;
            } else if (inTraceback && FRAME.matcher(body).matches()) {
                Matcher m = FRAME.matcher(body);
                m.matches();
                boolean library = LibraryFiles.isLibrary(m.group(1));
                kind = library ? Kind.LIBRARY_FRAME : Kind.APP_FRAME;
                codeKind = library ? Kind.LIBRARY_CODE : Kind.APP_CODE;
            } else if (inTraceback && codeKind != null && Character.isWhitespace(body.charAt(0))) {
                kind = codeKind; // source line, or the ^^^^ markers under it
            } else if (inTraceback && !Character.isWhitespace(body.charAt(0))) {
                kind = Kind.EXCEPTION;
                inTraceback = false;
                inException = true;
                codeKind = null;
            } else if (inException) {
                kind = Kind.EXCEPTION; // a message that spans several lines
            } else {
                kind = Kind.OTHER;
            }
            lines.add(new Line(kind, raw));
        }
        return lines;
    }

    private static String stripMargin(String line) {
        Matcher m = GROUP_MARGIN.matcher(line);
        return m.lookingAt() ? line.substring(m.end()) : line;
    }
}
