package dev.tracelens;

import dev.tracelens.cli.TracelensCommand;

/** Entry point of {@code tracelens.jar}: the command line over the engine. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(TracelensCommand.run(args));
    }
}
