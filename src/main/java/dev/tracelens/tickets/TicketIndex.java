package dev.tracelens.tickets;

import java.io.Closeable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The ticket index as the engine and the front-ends ask it, in the ticket records, never Lucene
 * types ({@link LuceneTicketIndex} is the one implementation). Thread-safe.
 */
public interface TicketIndex extends Closeable {

    Path path();

    /** Adds or replaces {@code tickets} by {@link Ticket#id()} and commits; a ticket keeps its linked groups. */
    void put(Collection<Ticket> tickets);

    /** Adds or replaces {@code ticket} linked to the group with {@code fingerprint}, and commits. */
    void link(Ticket ticket, String fingerprint);

    /** The trackers held, with counts and latest updates. */
    List<TicketSummary> trackers();

    /** The latest update among {@code tracker}'s tickets: where its next sync starts. */
    Optional<Instant> lastUpdated(String tracker);

    /** The ticket with this {@link Ticket#id()}, its text left out. */
    Optional<Ticket> ticket(String id);

    /**
     * The tickets matching a traceback's text, best first: those linked to its group first, then
     * those sharing enough analyzed words, each with the words it shares.
     */
    List<TicketMatch> matches(String tracebackText, String fingerprint, int max);

    @Override
    void close();
}
