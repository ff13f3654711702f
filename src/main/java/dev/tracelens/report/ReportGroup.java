package dev.tracelens.report;

import dev.tracelens.tickets.TicketMatch;
import dev.tracelens.traceback.Traceback;

import java.time.Instant;
import java.util.List;

/**
 * One group (one bug) as a report shows it. A writer gets one of these at a time and forgets
 * it before the next, so its {@code occurrences} are already capped by the exporter.
 *
 * @param fingerprint    the group key
 * @param exceptionType  the final exception's type
 * @param message        a sample message (of the representative occurrence)
 * @param count          all occurrences that matched the filter, not only those listed
 * @param firstSeen      the earliest matching occurrence
 * @param lastSeen       the latest matching occurrence
 * @param hosts          hosts the group occurred on
 * @param programs       programs the group occurred in
 * @param representative the occurrence shown in full, with its context
 * @param occurrences    the occurrences listed (newest first), at most the export's cap
 * @param history        the group's occurrences over time
 * @param tickets        the known tickets matching its traceback, best first (empty without a ticket index)
 */
public record ReportGroup(String fingerprint, String exceptionType, String message, long count,
                          Instant firstSeen, Instant lastSeen, List<String> hosts, List<String> programs,
                          Traceback representative, List<Traceback> occurrences, ReportHistory history,
                          List<TicketMatch> tickets) {
    public ReportGroup {
        if (representative == null) {
            throw new IllegalArgumentException("group " + fingerprint + " has no representative occurrence");
        }
        fingerprint = fingerprint == null ? representative.fingerprint() : fingerprint;
        exceptionType = exceptionType == null ? representative.exceptionType() : exceptionType;
        message = message == null ? representative.message() : message;
        firstSeen = firstSeen == null ? representative.timestamp() : firstSeen;
        lastSeen = lastSeen == null ? representative.timestamp() : lastSeen;
        hosts = List.copyOf(hosts);
        programs = List.copyOf(programs);
        occurrences = List.copyOf(occurrences);
        history = history == null ? ReportHistory.EMPTY : history;
        tickets = tickets == null ? List.of() : List.copyOf(tickets);
    }

    /** A group without known tickets. */
    public ReportGroup(String fingerprint, String exceptionType, String message, long count,
                       Instant firstSeen, Instant lastSeen, List<String> hosts, List<String> programs,
                       Traceback representative, List<Traceback> occurrences, ReportHistory history) {
        this(fingerprint, exceptionType, message, count, firstSeen, lastSeen, hosts, programs, representative,
                occurrences, history, List.of());
    }

    /** The same group with its known tickets. */
    public ReportGroup withTickets(List<TicketMatch> matches) {
        return new ReportGroup(fingerprint, exceptionType, message, count, firstSeen, lastSeen, hosts, programs,
                representative, occurrences, history, matches);
    }

    /** A ticket's link only when it is http(s): a tracker's answer must not put a {@code javascript:} link in a report. */
    public static boolean linkable(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }
}
