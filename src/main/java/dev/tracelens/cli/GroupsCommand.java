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

import dev.tracelens.engine.Stores;
import dev.tracelens.engine.Triage;
import dev.tracelens.engine.TriageBook;
import dev.tracelens.engine.TriageFilter;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    @Option(names = "--status", paramLabel = "STATE", converter = StatusConverter.class,
            description = "Only groups in this triage state: any (default), open, regressed, resolved, ignored, muted.")
    TriageFilter status = TriageFilter.ANY;

    static final class StatusConverter implements CommandLine.ITypeConverter<TriageFilter> {
        @Override
        public TriageFilter convert(String value) {
            try {
                return TriageFilter.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "expected any, open, regressed, resolved, ignored or muted but was '" + value + "'");
            }
        }
    }

    @Override
    int execute() {
        GroupSort order = sort.order;
        StoreFilter filter = filters.toFilter().withText(query);
        GroupList groups;
        Map<String, Triage> book = Stores.triage(storeOptions.besideStore()).all();
        Instant now = Instant.now();
        java.util.function.Function<GroupSummary, TriageBook.Shown> shown =
                g -> TriageBook.Shown.of(book.get(g.fingerprint()), g.lastSeen(), now);
        try (TracebackIndex store = openForReading()) {
            if (status == TriageFilter.ANY) {
                groups = store.groups(filter, order, limit);
            } else {
                GroupList all = store.groups(filter, order, Integer.MAX_VALUE);
                List<GroupSummary> kept = all.groups().stream().filter(g -> status.accepts(shown.apply(g))).toList();
                groups = new GroupList(kept.stream().mapToLong(GroupSummary::count).sum(), kept.size(),
                        kept.subList(0, Math.min(limit, kept.size())));
            }
        }
        PrintWriter out = out();
        if (json) {
            if (book.isEmpty()) {
                out.println(StoreJson.write(groups));
            } else {
                Map<String, Object> withStatus = new LinkedHashMap<>();
                withStatus.put("totalOccurrences", groups.totalOccurrences());
                withStatus.put("totalGroups", groups.totalGroups());
                List<Map<String, Object>> list = new ArrayList<>();
                for (GroupSummary g : groups.groups()) {
                    Map<String, Object> m = StoreJson.toMap(g);
                    TriageBook.Shown s = shown.apply(g);
                    m.put("status", s.regressed() ? "regressed" : s.status().word());
                    list.add(m);
                }
                withStatus.put("groups", list);
                out.println(StoreJson.write(withStatus));
            }
            return OK;
        }
        out.println(String.format("%,d occurrences in %,d groups%s", groups.totalOccurrences(), groups.totalGroups(),
                groups.groups().size() < groups.totalGroups() ? " (first " + groups.groups().size() + " shown)" : ""));
        if (groups.groups().isEmpty()) {
            return OK;
        }
        out.println(String.format("%7s  %-20s  %-20s  %-16s  %-12s  %-9s  %s", "COUNT", "LAST SEEN", "FIRST SEEN",
                "FINGERPRINT", "HOSTS", "STATUS", "EXCEPTION"));
        for (GroupSummary g : groups.groups()) {
            String hosts = g.hosts().size() == 1 ? g.hosts().getFirst() : g.hosts().size() + " hosts";
            TriageBook.Shown s = shown.apply(g);
            String state = s.regressed() ? "REGRESSED" : s.status() == Triage.Status.OPEN ? "open" : s.status().word();
            out.println(String.format("%,7d  %-20s  %-20s  %-16s  %-12s  %-9s  %s", g.count(), g.lastSeen(), g.firstSeen(),
                    oneLine(g.fingerprint(), 16), oneLine(hosts, 12), state,
                    oneLine(g.exceptionType() + ": " + g.messageSample(), 100)));
        }
        return OK;
    }
}
