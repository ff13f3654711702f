package dev.tracelens.store;

/**
 * A search text that the classic Lucene query syntax cannot parse. The message quotes the
 * parser's own words, which name the line and column.
 */
public final class QuerySyntaxException extends StoreException {
    private final String query;
    private final int column;
    private final String reason;

    public QuerySyntaxException(String query, int column, String message, Throwable cause) {
        this(query, column, message, message, cause);
    }

    public QuerySyntaxException(String query, int column, String message, String reason, Throwable cause) {
        super(message, cause);
        this.query = query;
        this.column = column;
        this.reason = reason;
    }

    /** What is wrong in a few words ("a quote is not closed"), without the query or the column. */
    public String reason() {
        return reason;
    }

    public String query() {
        return query;
    }

    /** 1-based column where the parser gave up, or 0 when it did not say. */
    public int column() {
        return column;
    }
}
