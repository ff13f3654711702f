package dev.tracelens.sync;

/**
 * A sync that cannot go on (bad credentials, unknown bucket, wrong region, no network), with a
 * one-sentence message meant for the user instead of a stack trace. Never carries credentials.
 */
public final class SyncException extends RuntimeException {
    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
