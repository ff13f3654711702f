package dev.tracelens.archive;

/**
 * One well-formed archive row, as a view over the reader's buffer.
 *
 * <p>A view is only valid during the {@link RowHandler#onRow} call that received it; the
 * reader reuses it for the next row. Accessors for numbers and the source do not allocate;
 * {@link #message()} decodes the message (UTF-8) on demand, so rows no traceback needs never
 * become Strings. Keep a row beyond the call with {@link #toLogLine()}.
 *
 * <p>Columns (Papertrail, no header): {@code id, generated_at, received_at, source_id,
 * source_name, source_ip, facility_name, severity_name, program, message}.
 */
public interface RowView {

    /** Papertrail's 64-bit id; ids increase over time and order rows within a second. */
    long id();

    /** {@code generated_at} in epoch milliseconds, UTC. */
    long timestampMillis();

    /** Host ({@code source_name}) and program, interned. */
    Source source();

    /** File name of the archive this row was read from (no directories). */
    String archive();

    /** 1-based row (line) number in the archive. */
    long rowNumber();

    /** Length of the message in bytes (UTF-8). */
    int messageLength();

    /** Whether the message bytes contain this ASCII needle; does not decode the message. */
    boolean messageContains(byte[] asciiNeedle);

    /** Whether the message bytes pass the trigger; does not decode the message. */
    default boolean messageMatches(ByteTrigger trigger) {
        return trigger.test(message());
    }

    /** The message, decoded; invalid UTF-8 is replaced with U+FFFD (and reported as a problem). */
    String message();

    /** A compact copy of this row that may be kept after the call. */
    LogLine toLogLine();
}
