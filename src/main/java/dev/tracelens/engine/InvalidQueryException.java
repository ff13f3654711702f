package dev.tracelens.engine;

/**
 * The search text cannot run: bad syntax (the message names the position) or only words that
 * the index leaves out. The message is meant for the user as it is.
 */
public final class InvalidQueryException extends Exception {
    public InvalidQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
