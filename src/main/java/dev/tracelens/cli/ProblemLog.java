package dev.tracelens.cli;

import dev.tracelens.archive.Problem;
import dev.tracelens.common.VisibleText;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;

/**
 * Prints input problems to stderr the way a user can act on them: the first few of each kind
 * in full (file and row), then only a count, so a file with a million bad rows does not bury
 * the terminal.
 */
final class ProblemLog {
    static final int SHOWN_PER_KIND = 5;

    private final PrintWriter err;
    private final Map<Problem.Kind, Integer> counts = new EnumMap<>(Problem.Kind.class);

    ProblemLog(PrintWriter err) {
        this.err = err;
    }

    void report(Problem problem) {
        int seen = counts.merge(problem.kind(), 1, Integer::sum);
        if (seen <= SHOWN_PER_KIND) {
            err.println("tracelens: " + VisibleText.of(problem.toString(), false));
        }
    }

    /** One line per kind whose problems were not all shown. */
    void printHidden() {
        counts.forEach((kind, count) -> {
            if (count > SHOWN_PER_KIND) {
                err.printf("tracelens: ... and %,d more %s problems%n", count - SHOWN_PER_KIND, describe(kind));
            }
        });
    }

    private static String describe(Problem.Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
