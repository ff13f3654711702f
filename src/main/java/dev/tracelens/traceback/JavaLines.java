package dev.tracelens.traceback;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one line of a JVM stack trace is ({@link Throwable#printStackTrace()} and the logging
 * frameworks' renderings). Shared by the grammar, its open trace and its parser.
 */
final class JavaLines {
    /** {@code at [module/]pkg.Cls.method(File.java:12)}, also Native Method, Unknown Source, logback's {@code ~[jar:1.0]}. */
    static final Pattern FRAME = Pattern.compile(
            "^\\s*at (?:[\\w.$-]*(?:@[\\w.+-]*)?//?)?((?:[\\w$]+\\.)*[\\w$]+)\\.([\\w$<>-]+)"
                    + "\\((Native Method|Unknown Source(?::\\d+)?|[^()\\s]+)\\)(?:\\s+~?\\[[^\\]]*\\])?\\s*$");
    // Possessive quantifiers and a lookbehind keep these linear on long identifier-like text.
    private static final String TYPE = "(?:[a-zA-Z_$][\\w$]*+\\.)++[a-z_$\\d]*+[A-Z][\\w$]*+"
            + "|[A-Z][\\w$]*+(?<=Exception|Error|Throwable|Failure)";
    /** The exception line: {@code [Exception in thread "t" ]a.b.CError[: message]}. */
    static final Pattern EXCEPTION = Pattern.compile(
            "^(?:Exception in thread \"[^\"]*\" )?(" + TYPE + ")(?::\\s?(.*))?$", Pattern.DOTALL);
    /** An exception line after a log prefix; only the unqualified-or-not type ending like an exception. */
    static final Pattern PREFIXED_EXCEPTION = Pattern.compile(
            "(?<=[\\s:\\]>|-])(?:Exception in thread \"[^\"]*\" )?((?:[a-zA-Z_$][\\w$]*+\\.)*+[A-Z][\\w$]*+(?<=Exception|Error|Throwable))(?::\\s(.*))?$");
    static final Pattern CAUSED_BY = Pattern.compile("^\\s*Caused by: (.*)$", Pattern.DOTALL);
    static final Pattern SUPPRESSED = Pattern.compile("^\\s*Suppressed: (.*)$", Pattern.DOTALL);
    static final Pattern MORE = Pattern.compile("^\\s*\\.\\.\\. \\d+ (?:more|common frames omitted)\\s*$");
    private static final Pattern CUT = Pattern.compile("^\\s*\\.\\.\\.<\\d+ lines cut by Tracelens>\\.\\.\\.\\s*$");

    private JavaLines() {
    }

    static boolean isFrame(String line) {
        return Shapes.frameSized(line) && line.contains("at ") && FRAME.matcher(line).matches();
    }

    static Matcher frame(String line) {
        if (!Shapes.frameSized(line)) {
            return null;
        }
        Matcher m = FRAME.matcher(line);
        return m.matches() ? m : null;
    }

    static boolean isElision(String line) {
        return Shapes.frameSized(line) && (MORE.matcher(line).matches() || isCut(line));
    }

    static boolean isCut(String line) {
        return line.endsWith(">...") && CUT.matcher(line).matches();
    }

    /** {@code Caused by: ...} or {@code Suppressed: ...}: the text after it, or null. */
    static String chained(String line) {
        Matcher m = CAUSED_BY.matcher(line);
        if (m.matches()) {
            return m.group(1);
        }
        m = SUPPRESSED.matcher(line);
        return m.matches() ? m.group(1) : null;
    }

    static boolean isSuppressed(String line) {
        return SUPPRESSED.matcher(line).matches();
    }

    /** Where the exception line starts in {@code line}, or -1. */
    static int headerAt(String whole, boolean nearest) {
        String line = Shapes.head(whole);
        int start = 0;
        while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
            start++;
        }
        if (start == 0 && EXCEPTION.matcher(line).matches()) {
            return 0;
        }
        if (start > 0 && start < line.length() && EXCEPTION.matcher(line.substring(start)).matches()) {
            return nearest ? start : -1;
        }
        if (!nearest) {
            return -1;
        }
        if (!line.contains("Exception") && !line.contains("Error") && !line.contains("Throwable")) {
            return -1;
        }
        Matcher m = PREFIXED_EXCEPTION.matcher(line);
        return m.find() ? m.start() : -1;
    }
}
