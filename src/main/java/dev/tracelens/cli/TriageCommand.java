package dev.tracelens.cli;

import dev.tracelens.common.RelativeTime;
import dev.tracelens.engine.StoreLibrary;
import dev.tracelens.engine.Stores;
import dev.tracelens.engine.Triage;
import dev.tracelens.engine.TriageBook;
import dev.tracelens.store.GroupList;
import dev.tracelens.store.GroupSort;
import dev.tracelens.store.GroupSummary;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.TracebackIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tracelens triage resolve|ignore|mute|reopen FINGERPRINT...} and {@code triage list}: the
 * Sentry-style decisions about groups, kept in the store folder beside the index.
 */
@Command(name = "triage", mixinStandardHelpOptions = true,
        description = {"Resolves, ignores, mutes or reopens groups, or lists the decisions made.",
                "A resolved group that occurs again after its resolution (a traceback newer than its newest one"
                        + " when it was resolved) shows as regressed in groups and in the app."},
        subcommands = {TriageCommand.Resolve.class, TriageCommand.Ignore.class, TriageCommand.Mute.class,
                TriageCommand.Reopen.class, TriageCommand.ListDecisions.class})
public final class TriageCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: resolve, ignore, mute, reopen or list");
    }

    /** What the decision commands share: the groups named, each checked against the store. */
    abstract static class Decide extends StoreCommand {
        @Parameters(arity = "1..*", paramLabel = "FINGERPRINT", description = "The groups (as groups lists them).")
        List<String> fingerprints = new ArrayList<>();

        abstract Triage.Status status();

        Instant mutedUntil() {
            return null;
        }

        @Override
        int execute() {
            List<Map<String, Object>> done = new ArrayList<>();
            int code = OK;
            try (TracebackIndex store = openForReading();
                 StoreLibrary library = new StoreLibrary(store, Clock.systemUTC(), Stores.triage(storeOptions.besideStore()))) {
                for (String fp : fingerprints) {
                    if (store.groups(StoreFilter.ALL.withFingerprint(fp), GroupSort.COUNT, 1).groups().isEmpty()) {
                        err().println("tracelens: no group " + fp + " in the store (see `tracelens groups`)");
                        code = FAILED;
                        continue;
                    }
                    Triage t = library.setTriage(fp, status(), mutedUntil());
                    done.add(describe(t));
                    if (!json) {
                        out().println(sentence(t));
                    }
                }
            }
            if (json) {
                out().println(StoreJson.write(done));
            }
            return code;
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = "Marks groups resolved; an occurrence after the newest one stored now flags a regression.")
    static final class Resolve extends Decide {
        @Override
        Triage.Status status() {
            return Triage.Status.RESOLVED;
        }
    }

    @Command(name = "ignore", mixinStandardHelpOptions = true, description = "Marks groups ignored (until reopened).")
    static final class Ignore extends Decide {
        @Override
        Triage.Status status() {
            return Triage.Status.IGNORED;
        }
    }

    @Command(name = "mute", mixinStandardHelpOptions = true,
            description = "Mutes groups for a while (--for 7d) or until a time (--until 2026-12-10); then they are open again.")
    static final class Mute extends Decide {
        @Option(names = "--for", paramLabel = "LENGTH", description = "How long: " + RelativeTime.HELP + ", from now.")
        String length;

        @Option(names = "--until", paramLabel = "TIME", converter = DateArgument.class,
                description = "Until TIME: 2026-12-10, 2026-12-10T08:00 or with a zone (UTC unless given).")
        Instant until;

        @Override
        Triage.Status status() {
            return Triage.Status.MUTED;
        }

        @Override
        Instant mutedUntil() {
            if ((length == null) == (until == null)) {
                throw usage("give --for LENGTH or --until TIME (one of them)");
            }
            if (until != null) {
                return until;
            }
            Duration d = RelativeTime.parse(length)
                    .orElseThrow(() -> usage("--for " + length + " is not a length; use " + RelativeTime.HELP));
            return Instant.now().plus(d);
        }
    }

    @Command(name = "reopen", mixinStandardHelpOptions = true, description = "Forgets the decision about groups.")
    static final class Reopen extends Decide {
        @Override
        Triage.Status status() {
            return Triage.Status.OPEN;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the decisions made, with the regressions (resolved groups that occurred again).")
    static final class ListDecisions extends StoreCommand {
        @Override
        int execute() {
            Map<String, Triage> book = Stores.triage(storeOptions.besideStore()).all();
            List<Map<String, Object>> rows = new ArrayList<>();
            try (TracebackIndex store = openForReading()) {
                for (Triage t : book.values()) {
                    GroupList g = store.groups(StoreFilter.ALL.withFingerprint(t.fingerprint()), GroupSort.COUNT, 1);
                    Instant last = g.groups().isEmpty() ? null : g.groups().getFirst().lastSeen();
                    TriageBook.Shown shown = TriageBook.Shown.of(t, last, Instant.now());
                    Map<String, Object> row = describe(t);
                    row.put("shown", shown.label().isEmpty() ? "open" : shown.label());
                    row.put("regressed", shown.regressed());
                    row.put("lastSeen", last == null ? null : last.toString());
                    rows.add(row);
                }
            }
            if (json) {
                out().println(StoreJson.write(rows));
                return OK;
            }
            out().println(rows.size() + " decision(s)");
            for (Map<String, Object> r : rows) {
                out().println(String.format("%-18s  %-30s  %s", oneLine((String) r.get("fingerprint"), 18),
                        r.get("shown"), r.get("lastSeen") == null ? "(no occurrence stored)" : "last seen " + r.get("lastSeen")));
            }
            return OK;
        }
    }

    static Map<String, Object> describe(Triage t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fingerprint", t.fingerprint());
        m.put("status", t.status().word());
        m.put("at", t.at().toString());
        if (t.resolvedThrough() != null) {
            m.put("resolvedThrough", t.resolvedThrough().toString());
        }
        if (t.mutedUntil() != null) {
            m.put("mutedUntil", t.mutedUntil().toString());
        }
        return m;
    }

    static String sentence(Triage t) {
        return switch (t.status()) {
            case OPEN -> t.fingerprint() + " is open again";
            case RESOLVED -> t.fingerprint() + " resolved (through " + t.resolvedThrough()
                    + "; a later occurrence shows it as regressed)";
            case IGNORED -> t.fingerprint() + " ignored";
            case MUTED -> t.fingerprint() + " muted until " + t.mutedUntil();
        };
    }
}
