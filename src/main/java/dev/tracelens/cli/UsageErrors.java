package dev.tracelens.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a mistyped command line prints: the one-line error (with picocli's "did you mean"
 * suggestions) and one line on how to get help, never the whole help. A bare path that is no
 * command ({@code tracelens /tmp/nope.tsv.gz}) is told as a missing file (exit 1, like any input
 * that cannot be read) or, when it exists, pointed at {@code scan} and {@code import} (exit 2).
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    static final int FAILED = 1;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        int usage = cmd.getCommandSpec().exitCodeOnInvalidInput();
        try {
            if (ex instanceof UnmatchedArgumentException u && cmd.getParent() == null) {
                List<String> unmatched = u.getUnmatched();
                String first = unmatched.isEmpty() ? "" : unmatched.getFirst();
                if (!first.startsWith("-") && looksLikePath(first)) {
                    if (exists(first)) {
                        err.println(name + ": " + first + " is not a command; to read it, run `" + name + " scan "
                                + first + "` (print its tracebacks) or `" + name + " import " + first + "` (into the store).");
                        err.println(helpLine(name));
                        return usage;
                    }
                    err.println(name + ": " + first + ": no such file or folder");
                    err.println(helpLine(name));
                    return FAILED;
                }
            }
            err.println(name + ": " + ex.getMessage());
            UnmatchedArgumentException.printSuggestions(ex, err);
            err.println(helpLine(name));
            return usage;
        } finally {
            err.flush();
        }
    }

    private static String helpLine(String command) {
        return "Run `" + command + " --help` for how to use it.";
    }

    /** A word with a path separator or a file extension: not a mistyped command name. */
    static boolean looksLikePath(String arg) {
        return arg.contains("/") || arg.contains("\\") || arg.contains(".") || exists(arg);
    }

    private static boolean exists(String arg) {
        try {
            return Files.exists(Path.of(arg));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
