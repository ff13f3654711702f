package dev.tracelens.engine;

import dev.tracelens.store.LuceneTracebackIndex;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.store.opensearch.OpenSearchTracebackIndex;
import dev.tracelens.store.opensearch.TeamIndexAddress;
import dev.tracelens.store.opensearch.TeamIndexCredentials;

import java.nio.file.Path;

/**
 * Opens the store the front-ends work on. The one place that picks the backend, from the
 * location the user gave ({@code --store}, the app's settings): a folder is the embedded Lucene
 * store; {@code https://host:9200/INDEX} (or {@code http://}) is a team index on OpenSearch, with
 * credentials from the environment or the credentials file ({@link TeamIndexCredentials}), never
 * from the location. Both stand behind the same {@link TracebackIndex}.
 */
public final class Stores {
    private Stores() {
    }

    /** Whether {@code location} names a team index (a URL) rather than a store folder. */
    public static boolean isTeamIndex(String location) {
        return TeamIndexAddress.isUrl(location);
    }

    /** The store at {@code location} (a folder or a team index URL) for reading and writing, created if needed. */
    public static TracebackIndex open(String location, java.util.function.Consumer<String> notices) {
        if (isTeamIndex(location)) {
            return OpenSearchTracebackIndex.open(TeamIndexAddress.parse(location), TeamIndexCredentials.fromEnvironment());
        }
        return open(Path.of(location), notices);
    }

    /** The store at {@code location} for queries only. */
    public static TracebackIndex openReadOnly(String location) {
        if (isTeamIndex(location)) {
            return OpenSearchTracebackIndex.openReadOnly(TeamIndexAddress.parse(location),
                    TeamIndexCredentials.fromEnvironment());
        }
        return openReadOnly(Path.of(location));
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

    /** The triage decisions kept in the store folder {@code dir} ({@value FileTriageBook#FILE_NAME}). */
    public static TriageBook triage(Path dir) {
        return new FileTriageBook(dir);
    }

    /** Reads every file of the store in {@code dir} back and says what is damaged ({@code store check}). */
    public static dev.tracelens.store.StoreHealth check(Path dir) {
        return dev.tracelens.store.StoreMaintenance.check(dir);
    }

    /**
     * Rebuilds the store in {@code dir} from its registered archives still on disk and
     * {@code moreArchives}, into a fresh store that is then swapped in ({@code store rebuild}).
     */
    public static dev.tracelens.store.RebuildResult rebuild(Path dir, java.util.List<Path> moreArchives, int contextRows,
                                                            dev.tracelens.store.ImportListener listener) {
        return rebuild(dir, moreArchives, contextRows, dev.tracelens.traceback.TraceOptions.DEFAULT, listener);
    }

    /** As above, rebuilding traces as {@code tracing} says (languages, in-app prefixes: {@code --in-app}). */
    public static dev.tracelens.store.RebuildResult rebuild(Path dir, java.util.List<Path> moreArchives, int contextRows,
                                                            dev.tracelens.traceback.TraceOptions tracing,
                                                            dev.tracelens.store.ImportListener listener) {
        dev.tracelens.store.RebuildResult r = dev.tracelens.store.StoreMaintenance.rebuild(dir, moreArchives, contextRows,
                tracing, listener);
        // The triage decisions are not in the index: they move to the rebuilt store with it.
        Path old = r.oldStore().resolve(FileTriageBook.FILE_NAME);
        try {
            if (java.nio.file.Files.exists(old) && !java.nio.file.Files.exists(dir.resolve(FileTriageBook.FILE_NAME))) {
                java.nio.file.Files.copy(old, dir.resolve(FileTriageBook.FILE_NAME));
            }
        } catch (java.io.IOException e) {
            throw new dev.tracelens.store.StoreException("The triage decisions could not be copied from " + old
                    + " to the rebuilt store: " + e.getMessage(), e);
        }
        return r;
    }
}
