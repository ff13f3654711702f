package dev.tracelens.engine;

/**
 * The search text cannot run: bad syntax (the message names the position) or only words that
 * the index leaves out. The message is meant for the user as it is.
 */
public final class InvalidQueryException extends Exception {
    private final String query;
    private final int column;
    private final String reason;

    public InvalidQueryException(String message, Throwable cause) {
        this(message, "", 0, message, cause);
    }

    /**
     * @param column 1-based column where the query goes wrong ({@code query.length() + 1}: at its
     *               end), 0 when unknown
     * @param reason what is wrong in a few words, without the query
     */
    public InvalidQueryException(String message, String query, int column, String reason, Throwable cause) {
        super(message, cause);
        this.query = query == null ? "" : query;
        this.column = column;
        this.reason = reason == null ? message : reason;
    }

    public String query() {
        return query;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
