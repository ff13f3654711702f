import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Removes modules from the comma-separated list that jdeps wrote for jlink. Run by the `package`
 * profile (pom.xml) with Java's source launcher, so it works the same on every OS:
 * {@code java packaging/DropModules.java target/jpackage/modules.txt java.desktop}.
 *
 * <p>jdeps reports every module a jar declares or references, also for code the app never runs:
 * javafx.base requires java.desktop for its JavaBeans property adapters, which Tracelens does not
 * use. Linking java.desktop anyway costs 15 MB of the image's 150 MB budget (packaging/README.md).
 */
public final class DropModules {
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: DropModules <modules.txt> <module,module...>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Set<String> drop = Set.of(args[1].split(","));
        List<String> modules = Arrays.stream(Files.readString(file).strip().split(","))
                .map(String::strip).filter(m -> !m.isEmpty()).toList();
        String kept = modules.stream().filter(m -> !drop.contains(m)).collect(Collectors.joining(","));
        Files.writeString(file, kept + System.lineSeparator());
        System.out.println("modules to link: " + kept + " (dropped: "
                + modules.stream().filter(drop::contains).collect(Collectors.joining(",")) + ")");
    }
}
