package dev.tracelens.cli;

import dev.tracelens.common.VisibleText;
import dev.tracelens.traceback.ContextLine;
import dev.tracelens.traceback.Traceback;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code scan --format text}: tracebacks grouped by fingerprint, biggest group first, each with
 * one example and the rows of the same process that came just before it. Keeps one example and
 * a few counters per group, never all tracebacks, so memory follows the number of groups.
 */
final class ScanTextReport {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int WHY_ROWS = 3;
    private static final int TITLE_MAX = 120;

    private final Map<String, Group> groups = new LinkedHashMap<>();

    void add(Traceback traceback) {
        groups.computeIfAbsent(traceback.fingerprint(), fp -> new Group(traceback)).add(traceback);
    }

    int groupCount() {
        return groups.size();
    }

    void print(PrintWriter out) {
        List<Group> sorted = new ArrayList<>(groups.values());
        sorted.sort(Comparator.comparingLong(Group::count).reversed().thenComparing(g -> g.first));
        int n = 0;
        for (Group group : sorted) {
            n++;
            group.print(out, n);
        }
    }

    private static final class Group {
        final Traceback example;
        long count;
        Instant first;
        Instant last;
        int truncated;
        final Map<String, Integer> hosts = new TreeMap<>();
        final Map<String, Integer> programs = new TreeMap<>();

        Group(Traceback example) {
            this.example = example;
            this.first = example.timestamp();
            this.last = example.timestamp();
        }

        long count() {
            return count;
        }

        void add(Traceback t) {
            count++;
            if (t.timestamp().isBefore(first)) {
                first = t.timestamp();
            }
            if (t.timestamp().isAfter(last)) {
                last = t.timestamp();
            }
            if (t.truncated()) {
                truncated++;
            }
            hosts.merge(t.host(), 1, Integer::sum);
            programs.merge(t.program(), 1, Integer::sum);
        }

        void print(PrintWriter out, int n) {
            out.printf("#%d  %s  (%,d×)%n", n, line(title(example)), count);
            out.printf("    first %s  last %s UTC%s%n", TIME.format(first), TIME.format(last),
                    truncated > 0 ? "  (" + truncated + " cut off)" : "");
            out.printf("    hosts %s%n", line(counted(hosts)));
            out.printf("    programs %s%n", line(counted(programs)));
            out.printf("    fingerprint %s  %s%n", example.fingerprint(), line(String.join(" ", example.fingerprintParts())));
            out.printf("    example %s row %d (id %d)%n", line(example.archive()), example.row(), example.firstId());
            List<ContextLine> why = example.context().stream().filter(ContextLine::sameProcess).toList();
            if (!why.isEmpty()) {
                out.println("    same process, just before:");
                for (ContextLine line : why.subList(Math.max(0, why.size() - WHY_ROWS), why.size())) {
                    out.printf("      %s  %s%n", TIME.format(line.timestamp()), line(line.message()));
                }
            }
            for (String line : example.text().split("\n", -1)) {
                out.println("      " + VisibleText.of(line, true));
            }
            out.println();
        }

        /** Log text on one line of the report: control, bidi and line-break characters made visible. */
        private static String line(String text) {
            return VisibleText.of(text, false);
        }

        private static String title(Traceback t) {
            if (t.exceptionType().isEmpty()) {
                return "(cut off before the exception)";
            }
            String firstLine = t.message().lines().findFirst().orElse("");
            String title = firstLine.isEmpty() ? t.exceptionType() : t.exceptionType() + ": " + firstLine;
            // The full message is in the example below; a title is one readable line.
            return title.length() <= TITLE_MAX ? title : title.substring(0, TITLE_MAX - 1) + "…";
        }

        private static String counted(Map<String, Integer> counts) {
            StringBuilder sb = new StringBuilder();
            counts.forEach((name, c) -> sb.append(sb.isEmpty() ? "" : ", ").append(name).append(" (").append(c).append(')'));
            return sb.toString();
        }
    }
}
