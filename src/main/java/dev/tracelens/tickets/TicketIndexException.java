package dev.tracelens.tickets;

/** The ticket index cannot be opened, read or written; the message says why in words a user can act on. */
public final class TicketIndexException extends RuntimeException {
    public TicketIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
