package dev.tracelens.archive;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Syslog messages received from the network (a UDP datagram, a TCP frame) into rows, with the
 * same RFC 5424 / RFC 3164 parser that reads syslog files ({@link PlainTextFormat}'s
 * {@code TextRows}), so that a line means the same whether it was read from a file or received.
 *
 * <p>A message may hold several lines (Python's {@code SysLogHandler} sends a logged exception's
 * traceback in the message): its first line is read as a syslog line, the others as the lines
 * of that row (same host, program and time), exactly as in a file. A message with neither an
 * RFC 5424 header nor an RFC 3164 timestamp (Python's handler sends only {@code <PRI>} and the
 * text) is treated as RFC 3164 section 4.3.2 tells a relay to: it gets the time it was received,
 * the sender as host, and a leading {@code TAG:} (e.g. {@code myapp: message}) is its program.
 * A row without a host of its own gets the sender's.
 *
 * <p>One instance per sender (its host is the sender's); not thread-safe. Rows go to the handler
 * given with each message, as {@link RowView}s valid during the call only; their ids and archive
 * names mean nothing (the caller assigns its own).
 */
public final class SyslogMessages {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};
    private final String senderHost;
    private final int maxRowBytes;
    private final Forward forward = new Forward();
    private TextRows rows;
    private int rowsMonth = -1;
    private int rowsYear;
    private byte[] buffer = new byte[1024];

    /**
     * @param senderHost  the host of rows that name none (the sender's address or name)
     * @param maxRowBytes longest row kept; longer ones are cut (and reported as a problem)
     */
    public SyslogMessages(String senderHost, int maxRowBytes) {
        this.senderHost = senderHost;
        this.maxRowBytes = maxRowBytes;
    }

    /** The sender's host, as rows without a host of their own name it. */
    public String senderHost() {
        return senderHost;
    }

    /** The {@code <PRI>} value (facility * 8 + severity) at {@code a[from]}, or -1 when there is none. */
    public static int priority(byte[] a, int from, int to) {
        if (from >= to || a[from] != '<') {
            return -1;
        }
        int value = 0;
        int q = from + 1;
        while (q < to && q - from <= 4 && a[q] >= '0' && a[q] <= '9') {
            value = value * 10 + (a[q] - '0');
            q++;
        }
        return q > from + 1 && q < to && a[q] == '>' && value <= 191 ? value : -1;
    }

    /**
     * One received message: its rows (one per line) go to {@code handler}.
     *
     * @param receivedMillis when it arrived: the time of a message that carries none
     */
    public void message(byte[] a, int from, int to, long receivedMillis, RowHandler handler) {
        TextRows r = rows(receivedMillis);
        r.restart(receivedMillis);
        forward.target = handler;
        int nl = indexOf(a, from, to, (byte) '\n');
        int firstEnd = nl < 0 ? to : nl;
        int start = from;
        int pri = priority(a, from, to);
        if (pri >= 0) {
            int afterPri = from + 1;
            while (a[afterPri] != '>') {
                afterPri++;
            }
            afterPri++;
            // RFC 5424 is told by its version after <PRI>; RFC 3164 is read without <PRI>.
            boolean rfc5424 = afterPri + 1 < firstEnd && a[afterPri] == '1' && a[afterPri + 1] == ' ';
            start = rfc5424 ? from : afterPri;
        }
        forward.firstLine = true;
        forward.missingHeader = false;
        feed(r, a, start, firstEnd);
        if (forward.missingHeader) {
            byte[] stamp = relayStamp(receivedMillis);
            byte[] line = new byte[stamp.length + firstEnd - start];
            System.arraycopy(stamp, 0, line, 0, stamp.length);
            System.arraycopy(a, start, line, stamp.length, firstEnd - start);
            forward.firstLine = false;
            feed(r, line, 0, line.length);
        }
        forward.firstLine = false;
        if (nl >= 0 && nl + 1 < to) {
            feed(r, a, nl + 1, to);
        }
        forward.target = null;
    }

    /**
     * More lines of the message before (a newline-framed TCP stream whose frame went on past a
     * line end without a new {@code <PRI>}): rows of the same source and time, unless a line
     * carries a header of its own.
     */
    public void continuation(byte[] a, int from, int to, long receivedMillis, RowHandler handler) {
        TextRows r = rows(receivedMillis);
        forward.target = handler;
        forward.firstLine = false;
        feed(r, a, from, to);
        forward.target = null;
    }

    private void feed(TextRows r, byte[] a, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        if (buffer.length < n) {
            buffer = new byte[Math.max(n, buffer.length * 2)];
        }
        System.arraycopy(a, from, buffer, 0, n);
        r.accept(buffer, n);
        r.finish();
    }

    /** The parser, made again when the month changes: RFC 3164 times take their year from it. */
    private TextRows rows(long nowMillis) {
        ZonedDateTime now = Instant.ofEpochMilli(nowMillis).atZone(ZoneOffset.UTC);
        if (rows == null || now.getMonthValue() != rowsMonth || now.getYear() != rowsYear) {
            rowsMonth = now.getMonthValue();
            rowsYear = now.getYear();
            ReaderOptions options = ReaderOptions.defaults().withMaxRowBytes(maxRowBytes);
            rows = new TextRows(new FileContext(senderHost, forward, new SourceTable(), options, 0, nowMillis));
        }
        return rows;
    }

    /** {@code Mmm dd hh:mm:ss.mmm } in UTC: the timestamp a relay puts before a message without one. */
    private static byte[] relayStamp(long millis) {
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC);
        String s = String.format("%s %2d %02d:%02d:%02d.%03d ", MONTHS[t.getMonthValue() - 1], t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Passes rows on, holding back a first line without a header (it is read again with a relay's timestamp). */
    private final class Forward implements RowHandler {
        RowHandler target;
        boolean firstLine;
        boolean missingHeader;

        @Override
        public void onRow(RowView row) {
            if (firstLine && !rows.headerFound) {
                missingHeader = true;
                return;
            }
            if (target != null) {
                target.onRow(row);
            }
        }

        @Override
        public void onProblem(Problem problem) {
            if (target != null) {
                target.onProblem(problem);
            }
        }
    }
}
