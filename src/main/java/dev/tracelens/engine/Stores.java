package dev.tracelens.engine;

import dev.tracelens.store.LuceneTracebackIndex;
import dev.tracelens.store.TracebackIndex;

import java.nio.file.Path;

/**
 * Opens the store the front-ends work on. The one place that picks the backend: the embedded
 * Lucene store in a folder today; a team's shared index later, behind the same
 * {@link TracebackIndex}.
 */
public final class Stores {
    private Stores() {
    }

    /** The store in {@code dir} for reading and writing, created if needed; holds its write lock. */
    public static TracebackIndex open(Path dir) {
        return LuceneTracebackIndex.open(dir);
    }

    /** The same, saying through {@code notices} what the user should know (e.g. an upgrade of an older store format). */
    public static TracebackIndex open(Path dir, java.util.function.Consumer<String> notices) {
        return LuceneTracebackIndex.open(dir, notices);
    }

    /** The store in {@code dir} for queries only: no lock, so it works while another Tracelens imports. */
    public static TracebackIndex openReadOnly(Path dir) {
        return LuceneTracebackIndex.openReadOnly(dir);
    }
}
