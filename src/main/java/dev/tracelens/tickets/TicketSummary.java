package dev.tracelens.tickets;

import java.time.Instant;

/**
 * What the index holds of one tracker.
 *
 * @param lastUpdated the latest update time among its tickets, null when it has none
 */
public record TicketSummary(String tracker, long tickets, Instant lastUpdated) {
}
