package dev.tracelens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    static final Set<String> COMMANDS = Set.of("scan", "import", "help");

    @Test
    void noArgumentsOrOnlyExistingPathsOpenTheApp(@TempDir Path tmp) {
        assertTrue(Main.opensApp(new String[0], COMMANDS));
        assertTrue(Main.opensApp(new String[] {"sample-logs", tmp.toString()}, COMMANDS));
    }

    @Test
    void knowsEveryCommandOfTheCommandLineWithoutBuildingIt() {
        assertTrue(dev.tracelens.cli.TracelensCommand.commandNames().containsAll(
                Set.of("help", "scan", "import", "groups", "search", "show", "history", "analyze", "prune", "archives",
                        "sync", "export")));
        assertEquals(new picocli.CommandLine(new dev.tracelens.cli.TracelensCommand()).getSubcommands().keySet(),
                dev.tracelens.cli.TracelensCommand.commandNames());
    }

    @Test
    void commandsOptionsAndMissingPathsStayTheCli() {
        assertFalse(Main.opensApp(new String[] {"scan", "sample-logs"}, COMMANDS));
        assertFalse(Main.opensApp(new String[] {"--help"}, COMMANDS));
        assertFalse(Main.opensApp(new String[] {"sample-logs", "-V"}, COMMANDS));
        assertFalse(Main.opensApp(new String[] {"no-such-file.tsv.gz"}, COMMANDS));
    }
}
