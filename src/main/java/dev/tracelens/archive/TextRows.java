package dev.tracelens.archive;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Reads the time, host and program at the start of a plain-text line, on bytes and without
 * allocation: {@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG} (RFC 5424),
 * {@code [<PRI>]Mmm dd hh:mm:ss [HOST] TAG[PID]: MSG} (RFC 3164), or a leading ISO-8601-like
 * timestamp ({@code 2024-01-05 12:00:00,123}, {@code [2024-01-05T12:00:00Z]},
 * {@code 2024/01/05 12:00:00}). Anything else is a line of the row before.
 */
final class TextRows extends LineRows {
    private static final byte[] MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final byte[] scratch = new byte[40];
    private final int fileYear;
    private final int fileMonth;
    /** Whether the last line parsed had a header of its own (syslog or a timestamp); {@link SyslogMessages} asks. */
    boolean headerFound;

    TextRows(FileContext file) {
        super(file);
        var date = Instant.ofEpochMilli(file.fileMillis()).atOffset(ZoneOffset.UTC);
        this.fileYear = date.getYear();
        this.fileMonth = date.getMonthValue();
    }

    @Override
    protected void parse(byte[] a, int from, int to, long lineNumber, boolean maybeNonAscii) {
        int p = from;
        boolean pri = false;
        if (a[p] == '<') {
            int q = p + 1;
            while (q < to && q - p <= 4 && a[q] >= '0' && a[q] <= '9') {
                q++;
            }
            if (q > p + 1 && q < to && a[q] == '>') {
                p = q + 1;
                pri = true;
            }
        }
        headerFound = true;
        if (pri && p + 1 < to && a[p] == '1' && a[p + 1] == ' ' && rfc5424(a, p + 2, to, lineNumber)) {
            return;
        }
        if (rfc3164(a, p, to, lineNumber)) {
            return;
        }
        if (leadingTimestamp(a, p, to, lineNumber)) {
            return;
        }
        headerFound = false;
        emit(a, from, to, lastMillis, inheritedSource(), lineNumber);
    }

    /** {@code TIMESTAMP HOST APP PROCID MSGID SD [MSG]} after {@code <PRI>1 }. */
    private boolean rfc5424(byte[] a, int p, int to, long lineNumber) {
        int t1 = space(a, p, to);
        int h1 = space(a, t1 + 1, to);
        int a1 = space(a, h1 + 1, to);
        int p1 = space(a, a1 + 1, to);
        int m1 = space(a, p1 + 1, to);
        if (m1 >= to) {
            return false;
        }
        long millis = isNil(a, p, t1) ? lastMillis : Timestamps.parseMillis(a, p, t1);
        if (millis == Timestamps.INVALID) {
            return false;
        }
        int sd = m1 + 1;
        int msg;
        if (sd < to && a[sd] == '-') {
            msg = sd + 1;
        } else if (sd < to && a[sd] == '[') {
            msg = endOfStructuredData(a, sd, to);
        } else {
            return false;
        }
        if (msg < to && a[msg] == ' ') {
            msg++;
        }
        if (msg + 3 <= to && (a[msg] & 0xFF) == 0xEF && (a[msg + 1] & 0xFF) == 0xBB && (a[msg + 2] & 0xFF) == 0xBF) {
            msg += 3; // the BOM RFC 5424 allows before a UTF-8 message
        }
        Source source = source(a, t1 + 1, h1, h1 + 1, a1);
        emit(a, Math.min(msg, to), to, millis, source, lineNumber);
        return true;
    }

    /** {@code [x="1"][y="a \] b"]}: the index after the last element. */
    private static int endOfStructuredData(byte[] a, int p, int to) {
        while (p < to && a[p] == '[') {
            p++;
            boolean quoted = false;
            while (p < to) {
                byte b = a[p];
                if (b == '\\' && quoted) {
                    p += 2;
                    continue;
                }
                if (b == '"') {
                    quoted = !quoted;
                } else if (b == ']' && !quoted) {
                    break;
                }
                p++;
            }
            p++;
        }
        return Math.min(p, to);
    }

    /** {@code Mmm dd hh:mm:ss [HOST] TAG[PID]: MSG}; the year is the file's. */
    private boolean rfc3164(byte[] a, int p, int to, long lineNumber) {
        if (to - p < 16 || a[p + 3] != ' ' || a[p + 6] != ' ' || a[p + 9] != ':' || a[p + 12] != ':') {
            return false;
        }
        int month = month(a, p);
        int day = (a[p + 4] == ' ' ? 0 : digit(a[p + 4]) * 10) + digit(a[p + 5]);
        int hour = digit(a[p + 7]) * 10 + digit(a[p + 8]);
        int minute = digit(a[p + 10]) * 10 + digit(a[p + 11]);
        int second = digit(a[p + 13]) * 10 + digit(a[p + 14]);
        if (month < 0 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60
                || (a[p + 4] != ' ' && digit(a[p + 4]) < 0) || digit(a[p + 5]) < 0 || digit(a[p + 7]) < 0
                || digit(a[p + 8]) < 0 || digit(a[p + 10]) < 0 || digit(a[p + 11]) < 0 || digit(a[p + 13]) < 0
                || digit(a[p + 14]) < 0) {
            return false;
        }
        int p15 = p + 15;
        int millisPart = 0;
        if (p15 < to && a[p15] == '.') { // rsyslog's high-precision variant of the old format
            int q = p15 + 1;
            int digits = 0;
            while (q < to && a[q] >= '0' && a[q] <= '9') {
                if (digits < 3) {
                    millisPart = millisPart * 10 + (a[q] - '0');
                }
                digits++;
                q++;
            }
            for (int k = digits; k < 3; k++) {
                millisPart *= 10;
            }
            p15 = q;
        }
        if (p15 < to && a[p15] != ' ') {
            return false;
        }
        int year = month + 1 > fileMonth ? fileYear - 1 : fileYear; // a December line in a January file
        long millis = (Timestamps.daysFromCivil(year, month + 1, day) * 86_400L + hour * 3600L + minute * 60L
                + second) * 1000L + millisPart;
        int t1 = p15 + 1;
        int t1End = space(a, t1, to);
        int hostFrom = -1;
        int hostTo = -1;
        int tagFrom = t1;
        int tagEnd = t1End;
        if (!isTag(a, t1, t1End)) {
            int t2End = space(a, t1End + 1, to);
            if (isTag(a, t1End + 1, t2End)) {
                hostFrom = t1;
                hostTo = t1End;
                tagFrom = t1End + 1;
                tagEnd = t2End;
            } else {
                emit(a, Math.min(t1, to), to, millis, source(a, -1, -1, 0, 0), lineNumber);
                return true;
            }
        }
        int programEnd = tagFrom;
        while (programEnd < tagEnd && a[programEnd] != '[' && a[programEnd] != ':') {
            programEnd++;
        }
        int msg = Math.min(tagEnd + 1, to);
        emit(a, msg, to, millis, source(a, hostFrom, hostTo, tagFrom, programEnd), lineNumber);
        return true;
    }

    /** A syslog tag: {@code prog:} or {@code prog[123]:}. */
    private static boolean isTag(byte[] a, int from, int to) {
        return to > from + 1 && a[to - 1] == ':' && a[from] != '[';
    }

    private static int month(byte[] a, int p) {
        for (int m = 0; m < 12; m++) {
            if (a[p] == MONTHS[m * 3] && a[p + 1] == MONTHS[m * 3 + 1] && a[p + 2] == MONTHS[m * 3 + 2]) {
                return m;
            }
        }
        return -1;
    }

    private static int digit(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : -100;
    }

    /** A line starting with {@code 2024-01-05 12:00:00[,.]fff[zone]}, maybe in brackets. */
    private boolean leadingTimestamp(byte[] a, int p, int to, long lineNumber) {
        boolean bracket = p < to && a[p] == '[';
        int t = bracket ? p + 1 : p;
        if (to - t < 19 || a[t] < '0' || a[t] > '9' || (a[t + 4] != '-' && a[t + 4] != '/')) {
            return false;
        }
        int end = t + 19;
        if (end < to && (a[end] == '.' || a[end] == ',')) {
            end++;
            while (end < to && a[end] >= '0' && a[end] <= '9') {
                end++;
            }
        }
        end = zoneEnd(a, end, to);
        long millis;
        if (a[t + 4] == '/' && end - t <= scratch.length) {
            System.arraycopy(a, t, scratch, 0, end - t);
            if (scratch[7] != '/') {
                return false;
            }
            scratch[4] = '-';
            scratch[7] = '-';
            millis = Timestamps.parseMillis(scratch, 0, end - t);
        } else {
            millis = Timestamps.parseMillis(a, t, end);
        }
        if (millis == Timestamps.INVALID) {
            return false;
        }
        int msg = end;
        if (bracket && msg < to && a[msg] == ']') {
            msg++;
        }
        while (msg < to && a[msg] == ' ') {
            msg++;
        }
        emit(a, msg, to, millis, source(a, -1, -1, 0, 0), lineNumber);
        return true;
    }

    /** After the seconds: {@code Z}, {@code +01:00}, {@code -0800} or {@code  -0800}. */
    private static int zoneEnd(byte[] a, int p, int to) {
        if (p < to && a[p] == 'Z') {
            return p + 1;
        }
        int q = p < to && a[p] == ' ' ? p + 1 : p;
        if (q < to && (a[q] == '+' || a[q] == '-')) {
            if (q + 6 <= to && a[q + 3] == ':' && isDigits(a, q + 1, q + 3) && isDigits(a, q + 4, q + 6)) {
                return q + 6;
            }
            if (q + 5 <= to && isDigits(a, q + 1, q + 5) && (q + 5 == to || a[q + 5] == ' ')) {
                return q + 5;
            }
        }
        return p;
    }

    private static boolean isDigits(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] < '0' || a[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isNil(byte[] a, int from, int to) {
        return to - from == 1 && a[from] == '-';
    }

    /** The host (the file's when none or "-") and program ("" for "-"). */
    private Source source(byte[] a, int hostFrom, int hostTo, int programFrom, int programTo) {
        if (programFrom < programTo && isNil(a, programFrom, programTo)) {
            programTo = programFrom;
        }
        if (hostFrom < 0 || hostFrom >= hostTo || isNil(a, hostFrom, hostTo)) {
            return sources.intern(fileHost, 0, fileHost.length, a, programFrom, programTo);
        }
        return sources.intern(a, hostFrom, hostTo, a, programFrom, programTo);
    }

    /** The next space at or after {@code from}, or {@code to}. */
    private static int space(byte[] a, int from, int to) {
        int i = from;
        while (i < to && a[i] != ' ') {
            i++;
        }
        return i;
    }
}
