package dev.tracelens;

import org.opentest4j.TestAbortedException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shared corpus of real stack traces ({@code ../shared/corpus}, system property
 * {@code tracelens.corpus} set by the build). Outside CI a missing corpus skips the tests that
 * need it; in CI ({@code CI=true}) it fails them with a clear message, so a CI run never passes
 * by skipping.
 */
public final class TestCorpus {
    public static final String PROPERTY = "tracelens.corpus";

    private TestCorpus() {
    }

    /** The corpus folder, or a skip (outside CI) or a failure (in CI) when it is missing. */
    public static Path folder() {
        return folder(System.getProperty(PROPERTY), System.getenv());
    }

    static Path folder(String dir, Map<String, String> env) {
        if (dir != null && !dir.isBlank() && Files.isDirectory(Path.of(dir))) {
            return Path.of(dir);
        }
        String what = "the corpus folder " + (dir == null ? "(system property " + PROPERTY + " not set)" : dir)
                + " is missing";
        if ("true".equalsIgnoreCase(env.getOrDefault("CI", "").strip())) {
            throw new AssertionError(what + "; CI=true, so the corpus tests must run: check out the shared corpus"
                    + " next to the repository (../shared/corpus) or set -D" + PROPERTY + "=DIR");
        }
        throw new TestAbortedException(what + " (skipped outside CI)");
    }
}
