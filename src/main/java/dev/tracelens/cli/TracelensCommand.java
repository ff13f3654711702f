package dev.tracelens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tracelens} command and its subcommands. */
@Command(name = "tracelens", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Rebuilds Python tracebacks from Papertrail archives.",
        subcommands = {CommandLine.HelpCommand.class, SyncCommand.class})
public final class TracelensCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the process exit code (0 ok, 1 input failed, 2 usage). */
    public static int run(String... args) {
        return new CommandLine(new TracelensCommand()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }
}
