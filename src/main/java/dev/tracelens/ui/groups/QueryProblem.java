package dev.tracelens.ui.groups;

import dev.tracelens.engine.InvalidQueryException;

/**
 * Why a search did not run, for the line under the toolbar: a short reason, and where in the
 * query (1-based column; 0 when the whole query is the problem), drawn as a caret under it.
 */
public record QueryProblem(String reason, String query, int column) {
    public static QueryProblem of(InvalidQueryException e) {
        return new QueryProblem(e.reason(), e.query(), e.column());
    }

    /** "Cannot search: a quote is not closed (column 5). The list shows the previous results." */
    public String message() {
        return "Cannot search: " + reason + (column > 0 ? " (column " + column + ")" : "") + ".";
    }

    /** The query and, under it, a caret at the column (for a monospace label); empty without a column. */
    public String caret() {
        if (column <= 0 || query.isEmpty()) {
            return "";
        }
        return query + "\n" + " ".repeat(Math.min(column - 1, query.length())) + "^";
    }
}
