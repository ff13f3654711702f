package dev.tracelens.cli;

import dev.tracelens.store.GroupList;
import dev.tracelens.store.GroupSort;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.TracebackIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code tracelens prune --before TIME [--dry-run]}: retention. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Deletes occurrences older than a date and reclaims their space.",
                "The archive registry is kept, so importing those archives again does not bring them back.",
                "With --dry-run nothing is deleted: it says how many occurrences and groups would go."})
public final class PruneCommand extends StoreCommand {
    @Option(names = "--before", required = true, paramLabel = "TIME", converter = DateArgument.class,
            description = "Delete occurrences before TIME: " + DateArgument.HELP + ".")
    Instant before;

    @Option(names = {"-n", "--dry-run"},
            description = "Only say what would be deleted (occurrences, groups that would vanish); delete nothing.")
    boolean dryRun;

    @Override
    int execute() {
        if (dryRun) {
            return dryRun();
        }
        long deleted;
        long size;
        try (TracebackIndex store = openForWriting()) {
            deleted = store.prune(before);
            size = store.sizeOnDisk();
        }
        if (json) {
            out().println(StoreJson.write(java.util.Map.of("deleted", deleted, "before", before.toString(),
                    "storeBytes", size)));
        } else {
            out().println(String.format("Deleted %,d occurrences before %s; the store now takes %,.1f MB.", deleted,
                    before, size / 1e6));
        }
        return OK;
    }

    /** Counts with the same rule as the prune (the header row's time before TIME), read-only. */
    private int dryRun() {
        long old;
        long total;
        long groupsBefore;
        long groupsAfter;
        try (TracebackIndex store = openForReading()) {
            old = store.search(StoreFilter.ALL.withTime(null, before), 0).total();
            total = store.tracebackCount();
            GroupList all = store.groups(StoreFilter.ALL, GroupSort.COUNT, 0);
            GroupList kept = store.groups(StoreFilter.ALL.withTime(before, null), GroupSort.COUNT, 0);
            groupsBefore = all.totalGroups();
            groupsAfter = kept.totalGroups();
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("dryRun", true);
            out.put("before", before.toString());
            out.put("wouldDelete", old);
            out.put("wouldKeep", total - old);
            out.put("groupsWouldVanish", groupsBefore - groupsAfter);
            out().println(StoreJson.write(out));
        } else {
            out().println(String.format("Would delete %,d of %,d occurrences before %s (%,d of %,d groups would vanish);"
                            + " nothing was deleted (dry run).", old, total, before, groupsBefore - groupsAfter,
                    groupsBefore));
        }
        return OK;
    }
}
