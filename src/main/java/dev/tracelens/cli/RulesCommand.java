package dev.tracelens.cli;

import dev.tracelens.engine.GroupingService;
import dev.tracelens.engine.GroupingService.RuleState;
import dev.tracelens.store.TracebackIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@code tracelens rules ...}: grouping rules made by merging and splitting groups. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Grouping rules: merge groups, split a group by host, program, frame or message pattern.",
                "Rules are kept in a JSON file beside the store (<store>-rules.json), applied at once to the stored"
                        + " tracebacks (no archive is read again) and to every later import; undo takes the last"
                        + " change back."},
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Add.class, RulesCommand.Remove.class,
                RulesCommand.Export.class, RulesCommand.Import.class, RulesCommand.Undo.class, RulesCommand.Apply.class})
public final class RulesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: list, add, remove, export, import, undo or apply");
    }

    /** What the subcommands share: the service over the store and printing the rules. */
    abstract static class RulesSubcommand extends StoreCommand {
        int withRules(boolean writing, Function<GroupingService, Optional<List<RuleState>>> action, String nothing) {
            try (TracebackIndex store = writing ? openForWriting() : openForReading()) {
                Optional<List<RuleState>> rules;
                try {
                    rules = action.apply(new GroupingService(store));
                } catch (IllegalArgumentException e) {
                    err().println(e.getMessage());
                    return USAGE;
                }
                if (rules.isEmpty()) {
                    err().println(nothing);
                    return FAILED;
                }
                print(rules.get());
                return OK;
            }
        }

        void print(List<RuleState> rules) {
            if (json) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (RuleState s : rules) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", s.rule().id());
                    m.put("action", s.rule().action());
                    if (!s.rule().groups().isEmpty()) {
                        m.put("groups", s.rule().groups());
                    }
                    if (s.rule().group() != null) {
                        m.put("group", s.rule().group());
                        m.put("by", s.rule().by());
                    }
                    if (s.rule().pattern() != null) {
                        m.put("pattern", s.rule().pattern());
                    }
                    m.put("matches", s.matches());
                    out.add(m);
                }
                out().println(StoreJson.write(Map.of("rules", out)));
                return;
            }
            if (rules.isEmpty()) {
                out().println("No grouping rules.");
                return;
            }
            for (RuleState s : rules) {
                out().printf("%-5s %s  %s%n", s.rule().id(), oneLine(s.rule().describe(), 200),
                        s.matchesNothing() ? "(matches nothing)" : String.format("(%,d tracebacks)", s.matches()));
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the rules in the order they apply, each with the stored tracebacks it changes"
                    + " (\"matches nothing\" when none).")
    static final class ListRules extends RulesSubcommand {
        @Override
        int execute() {
            return withRules(false, g -> Optional.of(g.list()), "");
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a rule and regroups the store at once.",
                    "  rules add merge FP FP...          the groups' tracebacks go into the first group",
                    "  rules add split FP --by host      one group per host (or program)",
                    "  rules add split FP --by frame --pattern REGEX    tracebacks with a frame (function or file)"
                            + " matching REGEX become a group of their own (--by message: the message)"})
    static final class Add extends RulesSubcommand {
        @Parameters(index = "0", paramLabel = "merge|split", description = "What the rule does.")
        String action;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FP", description = "The groups (fingerprints).")
        List<String> groups;

        @Option(names = "--by", paramLabel = "host|program|frame|message", description = "For split: what splits the group.")
        String by;

        @Option(names = "--pattern", paramLabel = "REGEX", description = "For split by frame or message: a Java regular expression.")
        String pattern;

        @Override
        int execute() {
            return withRules(true, g -> switch (action) {
                case "merge" -> Optional.of(g.merge(groups));
                case "split" -> {
                    if (groups.size() != 1) {
                        throw new IllegalArgumentException("split takes one group, not " + groups.size());
                    }
                    yield Optional.of(g.split(groups.getFirst(), by, pattern));
                }
                default -> throw new IllegalArgumentException("the action is merge or split, not '" + action + "'");
            }, "");
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a rule and regroups the store.")
    static final class Remove extends RulesSubcommand {
        @Parameters(paramLabel = "ID", description = "The rule's id (see rules list).")
        String id;

        @Override
        int execute() {
            return withRules(true, g -> g.remove(id), "There is no rule " + id + " (see tracelens rules list).");
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true,
            description = "Takes the last change of the rules back (add, remove, import, apply) and regroups the store.")
    static final class Undo extends RulesSubcommand {
        @Override
        int execute() {
            return withRules(true, GroupingService::undo, "Nothing to undo.");
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Regroups the store by the rules file as it is (after editing it by hand).")
    static final class Apply extends RulesSubcommand {
        @Override
        int execute() {
            return withRules(true, g -> Optional.of(g.reapply()), "");
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Writes the rules to a file to share.")
    static final class Export extends RulesSubcommand {
        @Parameters(paramLabel = "FILE", description = "Where to write the rules (JSON).")
        Path file;

        @Override
        int execute() {
            try (TracebackIndex store = openForReading()) {
                new GroupingService(store).export(file);
            }
            err().println("Wrote the grouping rules to " + file);
            return OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Adds the rules of a shared file after the store's own (rules already there are skipped)"
                    + " and regroups the store.")
    static final class Import extends RulesSubcommand {
        @Parameters(paramLabel = "FILE", description = "A rules file written by rules export (or by hand).")
        Path file;

        @Override
        int execute() {
            if (!java.nio.file.Files.isRegularFile(file)) {
                err().println(file + ": no such file");
                return FAILED;
            }
            return withRules(true, g -> {
                GroupingService.Imported imported = g.importFrom(file);
                err().println("Imported " + imported.added().size() + " rules from " + file);
                return Optional.of(imported.rules());
            }, "");
        }
    }
}
