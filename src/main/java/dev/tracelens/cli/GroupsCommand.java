package dev.tracelens.cli;

import dev.tracelens.store.GroupList;
import dev.tracelens.store.GroupSort;
import dev.tracelens.store.GroupSummary;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.TracebackIndex;
import picocli.CommandLine;
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

    /** The orders as the command line spells them ({@code last-seen} is read as {@code last}). */
    enum Sort {
        count(GroupSort.COUNT), last(GroupSort.LAST_SEEN);

        final GroupSort order;

        Sort(GroupSort order) {
            this.order = order;
        }

        static final class Converter implements CommandLine.ITypeConverter<Sort> {
            @Override
            public Sort convert(String value) {
                if (value.equals("last-seen")) {
                    return last;
                }
                try {
                    return Sort.valueOf(value);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.TypeConversionException("expected count or last but was '" + value + "'");
                }
            }
        }
    }

    @Option(names = "--sort", paramLabel = "count|last", converter = Sort.Converter.class,
            description = "Order: count (default) or last (last seen).")
    Sort sort = Sort.count;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N groups (default: ${DEFAULT-VALUE}).")
    int limit = 50;

    @Override
    int execute() {
        GroupSort order = sort.order;
        StoreFilter filter = filters.toFilter().withText(query);
        GroupList groups;
        try (TracebackIndex store = openForReading()) {
            groups = store.groups(filter, order, limit);
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
