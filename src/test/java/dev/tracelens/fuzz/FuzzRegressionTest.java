package dev.tracelens.fuzz;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Replays every input the fuzzer once failed on, kept under {@code src/test/resources/fuzz/} (a
 * folder per input, as the fuzzer saves them: its files and {@code input.properties}), through
 * the same check. To keep a new one: copy its folder from {@code target/fuzz-failures/} there,
 * without the README, under a name that says what it is.
 */
class FuzzRegressionTest {
    private static final Path SAVED = Path.of("src/test/resources/fuzz");
    private static final Duration HANG_BUDGET = Duration.ofSeconds(20);

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everySavedInputPassesTheCheck() throws IOException {
        List<Path> inputs;
        try (Stream<Path> dirs = Files.list(SAVED)) {
            inputs = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(inputs.isEmpty(), "no saved inputs in " + SAVED);
        return inputs.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            FuzzInput input = InputFiles.load(dir);
            Path folder = Files.createDirectories(work.resolve(dir.getFileName().toString()));
            List<Path> paths = new InputFiles(folder).write(input);
            // The fuzzer's hang budget, not a speed figure: each input takes milliseconds; one that
            // once made a regex backtrack took minutes.
            assertTimeoutPreemptively(HANG_BUDGET, () -> InputCheck.check(input, paths, true, true), "a hang");
        }));
    }
}
