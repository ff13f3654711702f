package dev.tracelens.samples;

import java.util.Arrays;

/** What tests outside this package may know of the sample bugs. */
public final class SampleBugsView {
    private SampleBugsView() {
    }

    /** The exception type each sample bug ends in, as Python prints it. */
    public static String[] exceptionTypes() {
        return Arrays.stream(SampleBugs.values()).map(b -> b.exceptionType).toArray(String[]::new);
    }

    public static int count() {
        return SampleBugs.values().length;
    }

    /** How many tracebacks of each type the bundled samples hold (cut off: {@code ""}). */
    public static java.util.SortedMap<String, Integer> bundledTracebacksByType() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("tracelens-samples");
            SampleArchiveGenerator.Samples samples = SampleArchiveGenerator.write(dir, SampleArchiveGenerator.DEFAULT_SEED);
            for (java.nio.file.Path f : samples.files()) {
                java.nio.file.Files.delete(f);
            }
            java.nio.file.Files.delete(dir);
            return samples.tracebacksByType();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
