package dev.tracelens.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares output with a file under {@code src/test/resources/dev/tracelens/report/golden/}.
 * Run with {@code -Dtracelens.updateGolden=true} to rewrite the files after an intended change
 * (then review the diff: that diff is the change a user will see).
 */
final class Golden {
    static final Path DIR = Path.of("src/test/resources/dev/tracelens/report/golden");

    private Golden() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("tracelens.updateGolden")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), "golden file missing: " + file + " (run with -Dtracelens.updateGolden=true)");
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            String[] e = expected.split("\n", -1);
            String[] a = actual.split("\n", -1);
            int line = 0;
            while (line < Math.min(e.length, a.length) && e[line].equals(a[line])) {
                line++;
            }
            assertEquals(line < e.length ? shorten(e[line]) : "<end of file>",
                    line < a.length ? shorten(a[line]) : "<end of file>",
                    name + " differs from the golden file at line " + (line + 1));
        }
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
