package dev.tracelens.live;

import java.util.Objects;

/**
 * One row received live, as a Papertrail archive row holds it.
 *
 * @param id             the row's id: Papertrail's for rows from its API, 0 for syslog rows (the
 *                       spool gives them one, {@link LiveIds})
 * @param millis         when the sender logged it (its own timestamp, else when it arrived)
 * @param receivedMillis when Tracelens (or Papertrail) received it
 * @param host           the host that logged it
 * @param address        the sender's IP address ("" when unknown)
 * @param facility       syslog facility name ({@code User}, {@code Local0}, ...; "" when unknown)
 * @param severity       syslog severity name ({@code Error}, {@code Notice}, ...; "" when unknown)
 * @param program        the program (syslog tag/app-name), "" when none
 * @param message        the message, one line
 */
public record LiveRow(long id, long millis, long receivedMillis, String host, String address, String facility,
                      String severity, String program, String message) {
    public LiveRow {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(message, "message");
        if (id < 0) {
            throw new IllegalArgumentException("id must be >= 0: " + id);
        }
    }

    /** Rough heap bytes of this row, for the queue's byte bound. */
    long heapBytes() {
        return 96L + 2L * (host.length() + address.length() + program.length() + message.length());
    }

    private static final String[] FACILITIES = {"Kernel", "User", "Mail", "System", "Auth", "Syslog", "Lpr", "News",
            "Uucp", "Clock", "Authpriv", "Ftp", "Ntp", "Audit", "Alert", "Cron", "Local0", "Local1", "Local2",
            "Local3", "Local4", "Local5", "Local6", "Local7"};
    private static final String[] SEVERITIES = {"Emergency", "Alert", "Critical", "Error", "Warning", "Notice",
            "Info", "Debug"};

    /** The facility name of a syslog {@code PRI} value (as Papertrail names them), "" for -1. */
    public static String facilityOf(int priority) {
        return priority < 0 ? "" : FACILITIES[Math.min(priority >> 3, FACILITIES.length - 1)];
    }

    /** The severity name of a syslog {@code PRI} value, "" for -1. */
    public static String severityOf(int priority) {
        return priority < 0 ? "" : SEVERITIES[priority & 7];
    }
}
