package dev.tracelens.tickets;

import java.util.List;

/**
 * A ticket that matches a group's traceback.
 *
 * @param ticket      the ticket (its text left out: the index does not keep it whole)
 * @param score       how well it matches (higher is better; only comparable within one group)
 * @param sharedWords the traceback's analyzed words the ticket also contains, in the traceback's order
 * @param linked      whether it was created from this group ({@code tickets create}), which ranks it first
 */
public record TicketMatch(Ticket ticket, double score, List<String> sharedWords, boolean linked) {
    public TicketMatch {
        sharedWords = List.copyOf(sharedWords);
    }
}
