package dev.tracelens.live;

/**
 * Cuts a syslog TCP stream into frames (RFC 6587): octet-counted ({@code LEN SP MSG}, told by a
 * digit first, as {@code logger --octet-count} and rsyslog send them) or non-transparent, ended
 * by LF or NUL (as {@code logger --tcp} and Python's {@code SysLogHandler} send them). In a
 * non-transparent stream a line that does not start with {@code <PRI>} continues the message
 * before (a traceback Python sent inside one message). A frame longer than the limit is cut there
 * and the rest skipped, so one sender cannot make the heap grow. Not thread-safe: one per
 * connection.
 */
final class TcpFramer {

    /** Receives frames; the array is reused after the call. */
    interface Frames {
        /**
         * @param message true for a new message, false for a line continuing the one before
         * @param cut     whether the frame was longer than the limit and cut
         */
        void frame(byte[] a, int length, boolean message, boolean cut);
    }

    private enum State { START, COUNT, OCTETS, LINE }

    private final int maxFrame;
    private final Frames out;
    private byte[] frame = new byte[4096];
    private int length;
    private State state = State.START;
    private long count;
    private long remaining;
    private boolean cut;

    TcpFramer(int maxFrame, Frames out) {
        this.maxFrame = maxFrame;
        this.out = out;
    }

    void accept(byte[] a, int from, int to) {
        int i = from;
        while (i < to) {
            byte b = a[i];
            switch (state) {
                case START -> {
                    if (b == '\n' || b == '\r' || b == 0) {
                        i++;
                    } else if (b >= '0' && b <= '9') {
                        state = State.COUNT;
                        count = 0;
                        length = 0;
                        cut = false;
                    } else {
                        state = State.LINE;
                        length = 0;
                        cut = false;
                    }
                }
                case COUNT -> {
                    if (b >= '0' && b <= '9' && length < 10) {
                        count = count * 10 + (b - '0');
                        add(b);
                        i++;
                    } else if (b == ' ' && length > 0) {
                        state = State.OCTETS;
                        remaining = count;
                        length = 0;
                        i++;
                        if (remaining == 0) {
                            state = State.START;
                        }
                    } else {
                        state = State.LINE; // digits that are not a length: a line that starts with them
                    }
                }
                case OCTETS -> {
                    int n = (int) Math.min(remaining, to - i);
                    int room = Math.max(0, maxFrame - length);
                    int take = Math.min(n, room);
                    add(a, i, take);
                    if (take < n) {
                        cut = true;
                    }
                    i += n;
                    remaining -= n;
                    if (remaining == 0) {
                        emit(true);
                        state = State.START;
                    }
                }
                case LINE -> {
                    int end = i;
                    while (end < to && a[end] != '\n' && a[end] != 0) {
                        end++;
                    }
                    int room = Math.max(0, maxFrame - length);
                    int take = Math.min(end - i, room);
                    add(a, i, take);
                    if (take < end - i) {
                        cut = true;
                    }
                    i = end;
                    if (end < to) {
                        i++;
                        emit(dev.tracelens.archive.SyslogMessages.priority(frame, 0, length) >= 0);
                        state = State.START;
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    /** The connection closed: a last line without its LF is a frame too. */
    void finish() {
        if (state == State.LINE || state == State.COUNT) {
            emit(dev.tracelens.archive.SyslogMessages.priority(frame, 0, length) >= 0);
        } else if (state == State.OCTETS && length > 0) {
            cut = true;
            emit(true);
        }
        state = State.START;
    }

    private void emit(boolean message) {
        if (length > 0) {
            out.frame(frame, length, message, cut);
        }
        length = 0;
        cut = false;
    }

    private void add(byte b) {
        if (length < maxFrame) {
            ensure(length + 1);
            frame[length++] = b;
        }
    }

    private void add(byte[] a, int from, int n) {
        if (n <= 0) {
            return;
        }
        ensure(length + n);
        System.arraycopy(a, from, frame, length, n);
        length += n;
    }

    private void ensure(int n) {
        if (frame.length < n) {
            frame = java.util.Arrays.copyOf(frame, Math.min(Math.max(n, frame.length * 2), Math.max(maxFrame, n)));
        }
    }
}
