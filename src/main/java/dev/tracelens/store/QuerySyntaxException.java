package dev.tracelens.store;

/**
 * A search text that the classic Lucene query syntax cannot parse. The message quotes the
 * parser's own words, which name the line and column.
 */
public final class QuerySyntaxException extends StoreException {
    private final String query;
    private final int column;

    public QuerySyntaxException(String query, int column, String message, Throwable cause) {
        super(message, cause);
        this.query = query;
        this.column = column;
    }

    public String query() {
        return query;
    }

    /** 1-based column where the parser gave up, or 0 when it did not say. */
    public int column() {
        return column;
    }
}
