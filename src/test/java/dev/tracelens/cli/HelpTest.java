package dev.tracelens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command's help, as a user reads it, and what a mistyped command line prints. */
class HelpTest {

    /** Every command of the tree as the words that call it: the root is empty, then "scan", "store check", ... */
    private static List<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        walk(new CommandLine(new TracelensCommand()), new ArrayList<>(), all);
        return all;
    }

    private static void walk(CommandLine cli, List<String> path, List<List<String>> all) {
        all.add(List.copyOf(path));
        cli.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) { // aliases are the same command
                path.add(name);
                walk(sub, path, all);
                path.removeLast();
            }
        });
    }

    private static CommandSpec spec(List<String> path) {
        CommandLine cli = new CommandLine(new TracelensCommand());
        for (String name : path) {
            cli = cli.getSubcommands().get(name);
        }
        return cli.getCommandSpec();
    }

    private static CliRun help(List<String> path, String flag) {
        List<String> args = new ArrayList<>(path);
        args.add(flag);
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Whitespace (and picocli's %n) as one space: a sentence wrapped only between its words reads the same. */
    private static String flat(String s) {
        return s.replace("%n", " ").replaceAll("\\s+", " ").strip();
    }

    @Test
    void everyCommandHasHelpWithItsFullSentencesAndNoTokenBroken() {
        List<List<String>> commands = commands();
        assertTrue(commands.size() > 12, "the whole tree: " + commands);
        for (List<String> path : commands) {
            String name = String.join(" ", path);
            for (String flag : new String[] {"--help", "-h"}) {
                CliRun run = help(path, flag);
                assertEquals(0, run.exitCode(), name + " " + flag + ": " + run.err());
                assertTrue(run.out().contains("Usage: tracelens " + (name.isEmpty() ? "" : name + " ")),
                        name + " " + flag + ":\n" + run.out());
            }
            String out = help(path, "--help").out();
            String flat = flat(out);
            CommandSpec spec = spec(path);
            for (String line : spec.usageMessage().description()) {
                assertTrue(flat.contains(flat(line)), name + ": the description \"" + line + "\" is not whole in:\n" + out);
            }
            for (ArgSpec arg : spec.args()) {
                if (arg.hidden()) {
                    continue;
                }
                for (String line : arg.description()) {
                    assertTrue(flat.contains(flat(line)), name + " " + arg.paramLabel() + ": \"" + line
                            + "\" is not whole in:\n" + out);
                }
                assertFalse(arg.description().length == 0 || arg.description()[0].isBlank(),
                        name + " " + arg.paramLabel() + " has no description");
                if (arg instanceof OptionSpec o && o.arity().max() > 0) {
                    String token = o.longestName() + "=" + o.paramLabel();
                    assertTrue(out.contains(token), name + ": " + token + " is broken in:\n" + out);
                }
            }
            for (String line : out.split("\\R")) {
                String text = line.strip();
                assertTrue(line.length() <= HelpLayout.WIDTH || !text.contains(" "),
                        name + ": a line longer than " + HelpLayout.WIDTH + " that could have been wrapped: " + line);
            }
        }
    }

    @Test
    void everyCommandListShowsEachCommandsFirstSentenceWhole() {
        for (List<String> path : commands()) {
            String flat = flat(help(path, "--help").out());
            for (String name : spec(path).subcommands().keySet()) {
                List<String> sub = new ArrayList<>(path);
                sub.add(name);
                // What the list shows: the command's header, else the first line of its description.
                String[] header = spec(sub).usageMessage().header();
                String first = header.length > 0 ? header[0] : spec(sub).usageMessage().description()[0];
                assertTrue(first.endsWith("."), name + ": the first description line is not a sentence: " + first);
                assertTrue(flat.contains(name + " " + flat(first)), name + ": " + first + " not whole in " + flat);
            }
        }
    }

    @Test
    void helpWrapsBetweenWordsOnly() {
        String wrapped = HelpLayout.wrap("      --store=DIR         Store folder (default: the user data folder, e.g."
                + " ~/.local/share/tracelens, or 2016-08-12T03:00:00Z).", -1);
        assertTrue(wrapped.contains("~/.local/share/tracelens,"), wrapped);
        assertTrue(wrapped.contains("2016-08-12T03:00:00Z"), wrapped);
        for (String line : wrapped.split("\\R")) {
            assertTrue(line.length() <= HelpLayout.WIDTH, line);
        }
        assertTrue(wrapped.split("\\R")[1].startsWith(" ".repeat(28)), "continued under the text column:\n" + wrapped);
    }

    @Test
    void aUsageErrorIsOneLineAndHowToGetHelp() {
        CliRun bad = CliRun.of("groups", "--sort", "sideways");
        assertEquals(2, bad.exitCode());
        List<String> lines = bad.err().lines().toList();
        assertEquals(2, lines.size(), bad.err());
        assertTrue(lines.getFirst().startsWith("tracelens groups: ") && lines.getFirst().contains("sideways"), bad.err());
        assertEquals("Run `tracelens groups --help` for how to use it.", lines.get(1));
        assertFalse(bad.err().contains("Usage:"), "not the whole help");

        CliRun noPath = CliRun.of("scan");
        assertEquals(2, noPath.exitCode());
        assertEquals(List.of("tracelens scan: Missing required parameter: 'PATH'",
                "Run `tracelens scan --help` for how to use it."), noPath.err().lines().toList());

        CliRun typo = CliRun.of("improt", "x");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("Did you mean: tracelens import"), typo.err());
    }

    @Test
    void aBarePathIsToldAsAMissingFileOrPointedAtScanAndImport(@TempDir Path tmp) throws Exception {
        Path missing = tmp.resolve("nope.tsv.gz");
        CliRun none = CliRun.of(missing.toString());
        assertEquals(1, none.exitCode(), none.err());
        assertTrue(none.err().startsWith("tracelens: " + missing + ": no such file or folder"), none.err());
        assertFalse(none.err().contains("Unmatched") || none.err().contains("Did you mean"), none.err());

        Path there = Files.writeString(tmp.resolve("2026-11-20-03.tsv"), "");
        CliRun existing = CliRun.of(there.toString());
        assertEquals(2, existing.exitCode());
        assertTrue(existing.err().contains("tracelens scan " + there) && existing.err().contains("tracelens import " + there),
                existing.err());
    }

    @Test
    void importOfAMissingPathSaysItDoesNotExist(@TempDir Path tmp) {
        Path missing = tmp.resolve("nope.tsv.gz");
        CliRun run = CliRun.of("import", "--store", tmp.resolve("store").toString(), missing.toString());
        assertEquals(1, run.exitCode());
        assertEquals("tracelens import: " + missing + ": no such file or folder", run.err().strip());
        assertFalse(run.err().contains("read again next time"), run.err());
        assertFalse(Files.exists(tmp.resolve("store")), "no store made for nothing to import");

        CliRun some = CliRun.of("import", "--store", tmp.resolve("store").toString(), missing.toString(), "sample-logs");
        assertEquals(1, some.exitCode(), "a path was missing");
        assertTrue(some.out().contains("Imported " + dev.tracelens.samples.SampleArchiveGenerator.FILES + " archive(s)"),
                "the others are imported: " + some.out());
    }
}
