package dev.tracelens.ui.detail;

import dev.tracelens.traceback.LibraryFiles;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One printed line of a traceback and what it is, so the view can make application frames stand
 * out from library frames, emphasise the exception line and separate chained parts. Working on
 * the printed text (not the parsed frames) keeps every line the user would see in a log.
 */
public record TracebackLine(Kind kind, String text) {

    public enum Kind {
        /** {@code Traceback (most recent call last):}, possibly after a log prefix. */
        HEADER,
        /** A {@code File "...", line N, in f} line of the application's own code. */
        APP_FRAME,
        /** A frame in the standard library or an installed package. */
        LIBRARY_FRAME,
        /** The source line printed under an application frame. */
        APP_CODE,
        /** The source line printed under a library frame. */
        LIBRARY_CODE,
        /** {@code Type: message} and its continuation lines. */
        EXCEPTION,
        /** "The above exception was the direct cause ..." / "During handling ...". */
        CHAIN,
        OTHER
    }

    private static final Pattern FRAME = Pattern.compile("^[\\s|+-]*File \"([^\"]*)\"(, line \\d+)?.*");
    private static final Pattern CHAIN_LINE = Pattern.compile(
            "^[\\s|]*(The above exception was the direct cause of the following exception:"
                    + "|During handling of the above exception, another exception occurred:)\\s*$");

    public static List<TracebackLine> classify(String text) {
        List<TracebackLine> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Kind codeKind = null;
        boolean inException = false;
        for (String line : text.split("\n", -1)) {
            if (line.contains("Traceback (most recent call last):")) {
                out.add(new TracebackLine(Kind.HEADER, line));
                codeKind = null;
                inException = false;
                continue;
            }
            var frame = FRAME.matcher(line);
            if (frame.matches()) {
                boolean library = LibraryFiles.isLibrary(frame.group(1));
                out.add(new TracebackLine(library ? Kind.LIBRARY_FRAME : Kind.APP_FRAME, line));
                codeKind = library ? Kind.LIBRARY_CODE : Kind.APP_CODE;
                inException = false;
                continue;
            }
            if (CHAIN_LINE.matcher(line).matches()) {
                out.add(new TracebackLine(Kind.CHAIN, line.strip()));
                codeKind = null;
                inException = false;
                continue;
            }
            if (line.isBlank()) {
                // Blank lines only frame the chain separators; the view draws its own gap.
                continue;
            }
            boolean indented = line.startsWith(" ") || line.startsWith("\t");
            if (codeKind != null && indented) {
                out.add(new TracebackLine(codeKind, line));
                continue;
            }
            if (!indented || inException) {
                out.add(new TracebackLine(Kind.EXCEPTION, line));
                inException = true;
                codeKind = null;
                continue;
            }
            out.add(new TracebackLine(Kind.OTHER, line));
        }
        return out;
    }
}
