package dev.tracelens.engine;

import java.time.Instant;
import java.util.List;

/**
 * One group of the list: tracebacks sharing a fingerprint, counted under the current query.
 *
 * @param timeline occurrences per equal time slice of the query's whole time span, oldest first
 *                 (for the small bar in the table; empty when unknown)
 * @param tickets  known tickets matching the group's traceback (the ticket index's matches, at most
 *                 {@link TicketService#MAX_MATCHES}); 0 also when there is no ticket index
 * @param triage   the decision about it (resolved, ignored, muted) and whether it came back
 */
public record GroupRow(String fingerprint, String exceptionType, String message, long count,
                       List<String> hosts, List<String> programs, Instant firstSeen, Instant lastSeen,
                       List<Long> timeline, int tickets, TriageBook.Shown triage) {
    public GroupRow {
        triage = triage == null ? TriageBook.Shown.OPEN : triage;
        hosts = List.copyOf(hosts);
        programs = List.copyOf(programs);
        timeline = List.copyOf(timeline);
        message = message == null ? "" : message;
        exceptionType = exceptionType == null || exceptionType.isEmpty() ? "(cut off)" : exceptionType;
    }

    /** A row without known tickets and without a triage decision. */
    public GroupRow(String fingerprint, String exceptionType, String message, long count,
                    List<String> hosts, List<String> programs, Instant firstSeen, Instant lastSeen,
                    List<Long> timeline) {
        this(fingerprint, exceptionType, message, count, hosts, programs, firstSeen, lastSeen, timeline, 0);
    }

    /** Without a triage decision. */
    public GroupRow(String fingerprint, String exceptionType, String message, long count,
                    List<String> hosts, List<String> programs, Instant firstSeen, Instant lastSeen,
                    List<Long> timeline, int tickets) {
        this(fingerprint, exceptionType, message, count, hosts, programs, firstSeen, lastSeen, timeline, tickets, null);
    }

    /** The same group with another triage state shown. */
    public GroupRow withTriage(TriageBook.Shown shown) {
        return new GroupRow(fingerprint, exceptionType, message, count, hosts, programs, firstSeen, lastSeen, timeline,
                tickets, shown);
    }

    /** The first line of the message: table cells and titles show one line. */
    public String messageLine() {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl) + " …";
    }
}
