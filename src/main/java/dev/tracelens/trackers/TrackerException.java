package dev.tracelens.trackers;

/**
 * A tracker (Jira, GitHub) could not be asked or did not answer usably. The message names the
 * request and the response (method, URL, HTTP status) and never holds a credential.
 */
public final class TrackerException extends RuntimeException {
    public TrackerException(String message) {
        super(message);
    }

    public TrackerException(String message, Throwable cause) {
        super(message, cause);
    }
}
