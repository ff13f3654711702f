package dev.tracelens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the integration tests start the packaged Tracelens: {@code java -jar target/tracelens.jar}
 * on the build's JDK, or, when {@code -Dtracelens.launcher} names one, an app image's CLI launcher
 * on its own linked runtime. {@code packaging/linux/smoke-test.sh} runs the same tests that way, so
 * a module the runtime lacks fails a test instead of a user's sync.
 */
final class PackagedTracelens {
    private static final String LAUNCHER = System.getProperty("tracelens.launcher", "");
    private static final Path JAR = Path.of(System.getProperty("tracelens.jar", "target/tracelens.jar"));

    private PackagedTracelens() {
    }

    /** The command line that runs Tracelens with these arguments. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        if (LAUNCHER.isBlank()) {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-jar", JAR.toString()));
        } else {
            command.add(LAUNCHER);
        }
        command.addAll(List.of(args));
        return command;
    }
}
