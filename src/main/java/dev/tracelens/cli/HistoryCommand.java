package dev.tracelens.cli;

import dev.tracelens.store.BucketSize;
import dev.tracelens.store.HistoricalReflection;
import dev.tracelens.store.History;
import dev.tracelens.store.HistoryBucket;
import dev.tracelens.engine.QueryService;
import dev.tracelens.store.TracebackIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code tracelens history FINGERPRINT}: a group over time, and its historical reflection. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Counts a group's occurrences per hour or day, with its historical reflection.",
                "The historical reflection is how many stored tracebacks (of any group, at any time) have the same"
                        + " filtered token sequence as the group's latest occurrence."})
public final class HistoryCommand extends StoreCommand {
    private static final int BAR = 50;

    @Parameters(paramLabel = "FINGERPRINT", description = "The group (as `groups` lists it).")
    String fingerprint;

    @Mixin
    FilterOptions filters;

    /** The bucket sizes as the command line spells them. */
    enum By {
        hour(BucketSize.HOUR), day(BucketSize.DAY);

        final BucketSize size;

        By(BucketSize size) {
            this.size = size;
        }
    }

    @Option(names = "--by", paramLabel = "hour|day", description = "Bucket size: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    By by = By.day;

    @Option(names = "--ids", paramLabel = "N", description = "List at most N ids of the reflection (default: ${DEFAULT-VALUE}).")
    int ids = 20;

    @Override
    int execute() {
        BucketSize size = by.size;
        QueryService.GroupHistory found;
        try (TracebackIndex store = openForReading()) {
            found = new QueryService(store).history(fingerprint, filters.toFilter(), size, ids);
        }
        History history = found.history();
        HistoricalReflection reflection = found.reflection();
        if (history.total() == 0) {
            err().println("No occurrences of group " + oneLine(fingerprint, 100) + " under this filter");
            return FAILED;
        }
        PrintWriter out = out();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("history", history);
            doc.put("reflection", reflection);
            out.println(StoreJson.write(doc));
            return OK;
        }
        long max = history.buckets().stream().mapToLong(HistoryBucket::count).max().orElse(1);
        out.println(String.format("Group %s: %,d occurrences", oneLine(fingerprint, 100), history.total()));
        for (HistoryBucket b : history.buckets()) {
            int bar = (int) Math.ceil((double) b.count() * BAR / Math.max(1, max));
            out.println(String.format("%-20s %,8d %s", b.start(), b.count(), "#".repeat(bar)));
        }
        if (reflection != null) {
            out.println();
            if (reflection.tokens() == 0) {
                out.println("Historical reflection: its latest occurrence has no searchable words.");
            } else {
                out.println(String.format("Historical reflection of occurrence %d: %,d stored tracebacks share its"
                        + " %d-token filtered sequence.", reflection.sourceFirstId(), reflection.count(),
                        reflection.tokens()));
                out.println("ids: " + reflection.firstIds() + (reflection.count() > reflection.firstIds().size()
                        ? " ..." : ""));
            }
        }
        return OK;
    }
}
