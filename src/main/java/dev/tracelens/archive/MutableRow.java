package dev.tracelens.archive;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one {@link RowView} the reader hands out, re-pointed at each row's bytes (a flyweight),
 * so that reading a row allocates nothing unless the handler asks for the message.
 */
final class MutableRow implements RowView {
    private byte[] buffer;
    private int messageFrom;
    private int messageTo;
    private long id;
    private long timestampMillis;
    private Source source;
    private String archive;
    private long rowNumber;

    void set(byte[] buffer, int messageFrom, int messageTo, long id, long timestampMillis, Source source,
             String archive, long rowNumber) {
        this.buffer = buffer;
        this.messageFrom = messageFrom;
        this.messageTo = messageTo;
        this.id = id;
        this.timestampMillis = timestampMillis;
        this.source = source;
        this.archive = archive;
        this.rowNumber = rowNumber;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public long timestampMillis() {
        return timestampMillis;
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public String archive() {
        return archive;
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public int messageLength() {
        return messageTo - messageFrom;
    }

    @Override
    public boolean messageContains(byte[] asciiNeedle) {
        return Bytes.contains(buffer, messageFrom, messageTo, asciiNeedle);
    }

    @Override
    public boolean messageMatches(ByteTrigger trigger) {
        return trigger.test(buffer, messageFrom, messageTo);
    }

    @Override
    public String message() {
        return new String(buffer, messageFrom, messageTo - messageFrom, StandardCharsets.UTF_8);
    }

    @Override
    public LogLine toLogLine() {
        return new LogLine(id, timestampMillis, source, Arrays.copyOfRange(buffer, messageFrom, messageTo),
                archive, rowNumber);
    }

    @Override
    public String toString() {
        return archive + " row " + rowNumber + ": " + id + " " + source + " " + message();
    }
}
