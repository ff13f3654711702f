package dev.tracelens.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What another backend behind {@link TracebackIndex} (the team index in
 * {@code dev.tracelens.store.opensearch}) shares with the embedded store, so that both behave
 * alike: the query check, the archive checksum and the message sample.
 */
public final class BackendSupport {
    private static final StoreQueryBuilder QUERIES = new StoreQueryBuilder(new TracebackFilteredAnalyzer());

    private BackendSupport() {
    }

    /**
     * Checks a text query as the embedded store does (the classic Lucene syntax over the
     * {@code traceback_filtered} analyzer).
     *
     * @throws QuerySyntaxException       when it does not parse
     * @throws NoSearchableWordsException when the analyzer removes every word
     */
    public static void validateQuery(String text) {
        QUERIES.parse(text);
    }

    /** {@code sha256:<hex>} of a file, as the registry records it. */
    public static String sha256(Path file) throws IOException {
        return ArchiveFiles.sha256(file);
    }

    /** The first line of a message, at most 200 chars: what group lists show. */
    public static String messageSample(String message) {
        return TracebackDocuments.sample(message);
    }
}
