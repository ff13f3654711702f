package dev.tracelens.cli;

import dev.tracelens.store.GroupList;
import dev.tracelens.store.GroupSort;
import dev.tracelens.store.GroupSummary;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.StoreQueries;
import dev.tracelens.store.TracebackStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code tracelens groups}: traceback groups under a filter. */
@Command(name = "groups", mixinStandardHelpOptions = true,
        description = "Lists traceback groups (by fingerprint) under the filter, most frequent first.")
public final class GroupsCommand extends StoreCommand {
    @Mixin
    FilterOptions filters;

    @Option(names = {"-q", "--query"}, paramLabel = "QUERY",
            description = "Only occurrences matching this full-text query (Lucene syntax).")
    String query;

    @Option(names = "--sort", paramLabel = "count|last", description = "Order: count (default) or last (last seen).")
    String sort = "count";

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N groups (default: ${DEFAULT-VALUE}).")
    int limit = 50;

    @Override
    int execute() {
        GroupSort order = switch (sort) {
            case "count" -> GroupSort.COUNT;
            case "last", "last-seen" -> GroupSort.LAST_SEEN;
            default -> throw usage("--sort must be count or last: " + sort);
        };
        StoreFilter filter = filters.toFilter().withText(query);
        GroupList groups;
        try (TracebackStore store = openForReading()) {
            groups = new StoreQueries(store).groups(filter, order, limit);
        }
        PrintWriter out = out();
        if (json) {
            out.println(StoreJson.write(groups));
            return OK;
        }
        out.println(String.format("%,d occurrences in %,d groups%s", groups.totalOccurrences(), groups.totalGroups(),
                groups.groups().size() < groups.totalGroups() ? " (first " + groups.groups().size() + " shown)" : ""));
        if (groups.groups().isEmpty()) {
            return OK;
        }
        out.println(String.format("%7s  %-20s  %-20s  %-16s  %-12s  %s", "COUNT", "LAST SEEN", "FIRST SEEN",
                "FINGERPRINT", "HOSTS", "EXCEPTION"));
        for (GroupSummary g : groups.groups()) {
            String hosts = g.hosts().size() == 1 ? g.hosts().getFirst() : g.hosts().size() + " hosts";
            out.println(String.format("%,7d  %-20s  %-20s  %-16s  %-12s  %s", g.count(), g.lastSeen(), g.firstSeen(),
                    oneLine(g.fingerprint(), 16), oneLine(hosts, 12),
                    oneLine(g.exceptionType() + ": " + g.messageSample(), 100)));
        }
        return OK;
    }
}
