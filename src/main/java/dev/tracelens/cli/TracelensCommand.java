package dev.tracelens.cli;

import picocli.CommandLine;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;

/** The {@code tracelens} command and its subcommands. */
@Command(name = "tracelens", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Rebuilds Python tracebacks from Papertrail archives.",
        subcommands = {CommandLine.HelpCommand.class, ScanCommand.class,
                ImportCommand.class, GroupsCommand.class, SearchCommand.class, ShowCommand.class,
                HistoryCommand.class, AnalyzeCommand.class, PruneCommand.class, ArchivesCommand.class,
                SyncCommand.class, ExportCommand.class, StoreMaintenanceCommand.class, TriageCommand.class,
                ListenCommand.class, TailCommand.class, TicketsCommand.class, RulesCommand.class})
public final class TracelensCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the process exit code (0 ok, 1 input failed, 2 usage). */
    public static int run(String... args) {
        // Straight to file descriptor 1 rather than through System.out: PrintStream swallows a
        // broken pipe, and `tracelens scan ... | head` must notice that its reader has gone.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16), true);
        CommandLine cli = commandLine();
        cli.setOut(out);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
        }
    }

    /** The same, writing to the given streams instead of stdout and stderr (for embedding and tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The names of the commands, read from the annotations without building the command line
     * (which instantiates every command): the app's start asks for them only to decide that it
     * is not the command line.
     */
    public static java.util.Set<String> commandNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Class<?> c : TracelensCommand.class.getAnnotation(Command.class).subcommands()) {
            Command command = c.getAnnotation(Command.class);
            names.add(command.name());
            names.addAll(java.util.List.of(command.aliases()));
        }
        return names;
    }

    private static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TracelensCommand());
        HelpLayout.apply(cli);
        cli.setParameterExceptionHandler(new UsageErrors());
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
