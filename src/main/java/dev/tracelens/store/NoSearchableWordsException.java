package dev.tracelens.store;

/**
 * A search made only of words that {@link TracebackFilteredAnalyzer} removes (e.g. {@code in
 * line}): it could never match anything, so the user is told instead of shown an empty list.
 */
public final class NoSearchableWordsException extends StoreException {
    private final String query;

    public NoSearchableWordsException(String query) {
        super("'" + query + "' has no searchable words: " + TracebackFilteredAnalyzer.NAME
                + " removes them (digits, punctuation and words such as File, line, in, return)");
        this.query = query;
    }

    public String query() {
        return query;
    }
}
