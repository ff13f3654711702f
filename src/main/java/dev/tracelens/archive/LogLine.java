package dev.tracelens.archive;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A row kept beyond the reader's callback: the few columns Tracelens uses, with the message
 * held as UTF-8 bytes until someone asks for it as text (most kept rows are context that is
 * dropped again without ever being shown).
 */
public final class LogLine {
    private final long id;
    private final long timestampMillis;
    private final Source source;
    private final byte[] messageUtf8;
    private final String archive;
    private final long rowNumber;

    public LogLine(long id, long timestampMillis, Source source, byte[] messageUtf8, String archive, long rowNumber) {
        this.id = id;
        this.timestampMillis = timestampMillis;
        this.source = source;
        this.messageUtf8 = messageUtf8;
        this.archive = archive;
        this.rowNumber = rowNumber;
    }

    public static LogLine of(long id, long timestampMillis, Source source, String message, String archive, long rowNumber) {
        return new LogLine(id, timestampMillis, source, message.getBytes(StandardCharsets.UTF_8), archive, rowNumber);
    }

    public long id() { return id; }

    public long timestampMillis() { return timestampMillis; }

    public Instant timestamp() { return Instant.ofEpochMilli(timestampMillis); }

    public Source source() { return source; }

    /** Length of the message in bytes (UTF-8). */
    public int messageLength() { return messageUtf8.length; }

    public String message() { return new String(messageUtf8, StandardCharsets.UTF_8); }

    public String archive() { return archive; }

    public long rowNumber() { return rowNumber; }

    @Override
    public String toString() {
        return id + " " + source + " " + message();
    }
}
