package dev.tracelens.cli;

/**
 * Entry point that always runs the command line, whatever the arguments.
 *
 * <p>{@code dev.tracelens.Main} opens the window when it gets no arguments or only paths (what a
 * desktop entry or a double-clicked archive passes); the installed {@code tracelens} command
 * (the {@code tracelens-cli} launcher of the app image) must never open a window, so it starts
 * here instead.
 */
public final class CliMain {
    private CliMain() {
    }

    public static void main(String[] args) {
        System.exit(TracelensCommand.run(args));
    }
}
