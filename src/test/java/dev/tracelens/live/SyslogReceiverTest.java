package dev.tracelens.live;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The syslog receiver with real clients: Python's SysLogHandler (UDP, TCP) and util-linux logger. */
class SyslogReceiverTest {
    @TempDir
    Path tmp;
    private final RowQueue queue = new RowQueue(1_000_000);
    private SyslogReceiver receiver;
    /** Python 3.11+ prints {@code ^^^^} under a frame's code where it can (three frames, two of them here). */
    private static final int CARET_LINES = caretLines();
    /** The traceback's lines: header, three frames of two lines, the carets, the exception. */
    private static final int TRACEBACK_LINES = 1 + 6 + CARET_LINES + 1;

    private static int caretLines() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.version_info >= (3, 11))").start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().equals("True") ? 2 : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private SyslogReceiver listen() throws IOException {
        receiver = new SyslogReceiver(ListenAddress.parseList("udp://127.0.0.1:0,tcp://127.0.0.1:0"), queue);
        receiver.start();
        return receiver;
    }

    @AfterEach
    void close() {
        if (receiver != null) {
            receiver.close();
        }
    }

    /** Rows until {@code count} arrived (UDP and TCP deliver on their own threads), at most 20 s. */
    private List<LiveRow> rows(int count) throws InterruptedException {
        List<LiveRow> out = new ArrayList<>();
        long until = System.nanoTime() + 20_000_000_000L;
        while (out.size() < count && System.nanoTime() < until) {
            queue.drain(out, 100_000, 50);
        }
        queue.drain(out, 100_000, 200); // and nothing more than expected
        return out;
    }

    private static List<String> messages(List<LiveRow> rows) {
        return rows.stream().map(LiveRow::message).toList();
    }

    @Test
    void pythonSysLogHandlerOverUdpSendsATracebackAsOneMessage() throws Exception {
        assumeTrue(SyslogClients.hasPython(), "needs python3");
        listen();
        SyslogClients.pythonTraceback(tmp, receiver.address(ListenAddress.Protocol.UDP), false, "", 1);
        List<LiveRow> rows = rows(3 + TRACEBACK_LINES);
        List<String> m = messages(rows);
        assertEquals("charging order 0", m.get(0));
        assertEquals("charge failed for order 0", m.get(1));
        assertEquals("Traceback (most recent call last):", m.get(2));
        assertTrue(m.get(3).startsWith("  File \"") && m.get(3).endsWith("\", line 19, in <module>"), m.get(3));
        assertEquals("ValueError: invalid literal for int() with base 10: 'twelve'", m.get(1 + TRACEBACK_LINES));
        assertEquals("done", m.get(2 + TRACEBACK_LINES));
        assertEquals(3 + TRACEBACK_LINES, rows.size());
        for (LiveRow r : rows) {
            assertEquals("127.0.0.1", r.host());
            assertEquals("127.0.0.1", r.address());
            assertEquals("", r.program());
            assertEquals("User", r.facility());
        }
        assertEquals("Error", rows.get(1).severity());
        assertEquals("Error", rows.get(5).severity(), "the traceback's lines are rows of the error message");
        assertEquals("Info", rows.get(0).severity());
        assertEquals(rows.get(1).millis(), rows.get(1 + TRACEBACK_LINES).millis());
    }

    @Test
    void pythonSysLogHandlerOverTcpWithAnIdentGivesTheProgram() throws Exception {
        assumeTrue(SyslogClients.hasPython(), "needs python3");
        listen();
        SyslogClients.pythonTraceback(tmp, receiver.address(ListenAddress.Protocol.TCP), true, "billing: ", 2);
        int perOrder = 2 + TRACEBACK_LINES;
        List<LiveRow> rows = rows(2 * perOrder + 1);
        List<String> m = messages(rows);
        assertEquals(2 * perOrder + 1, rows.size(), m.toString());
        assertEquals("charging order 0", m.get(0));
        assertEquals("Traceback (most recent call last):", m.get(2));
        assertTrue(m.subList(0, perOrder).contains("    return int(text)"), m.toString());
        assertEquals("ValueError: invalid literal for int() with base 10: 'twelve'", m.get(1 + TRACEBACK_LINES));
        assertEquals("charge failed for order 1", m.get(perOrder + 1));
        assertEquals("done", m.get(2 * perOrder));
        for (LiveRow r : rows) {
            assertEquals("billing", r.program(), r.toString());
            assertEquals("127.0.0.1", r.host());
        }
    }

    @Test
    void loggerRfc5424OverUdpAndTcpAndRfc3164() throws Exception {
        assumeTrue(SyslogClients.hasLogger(), "needs util-linux logger");
        listen();
        InetSocketAddress udp = receiver.address(ListenAddress.Protocol.UDP);
        InetSocketAddress tcp = receiver.address(ListenAddress.Protocol.TCP);
        SyslogClients.logger(udp, "one over udp", "--rfc5424", "-d", "-t", "web", "-p", "local3.err",
                "--sd-id", "origin@1", "--sd-param", "x=\"y z\"");
        List<LiveRow> first = rows(1);
        SyslogClients.logger(tcp, "two over tcp", "--rfc5424", "--tcp", "-t", "api", "--id=4242");
        List<LiveRow> second = rows(1);
        SyslogClients.logger(tcp, "three octet-counted", "--rfc5424", "--tcp", "--octet-count", "-t", "worker");
        List<LiveRow> third = rows(1);
        SyslogClients.logger(udp, "four in 3164", "--rfc3164", "-d", "-t", "cron");
        List<LiveRow> fourth = rows(1);
        assertEquals(List.of("one over udp"), messages(first));
        assertEquals("web", first.get(0).program());
        assertEquals("Local3", first.get(0).facility());
        assertEquals("Error", first.get(0).severity());
        assertEquals(List.of("two over tcp"), messages(second));
        assertEquals("api", second.get(0).program());
        assertEquals(List.of("three octet-counted"), messages(third));
        assertEquals("worker", third.get(0).program());
        assertEquals(List.of("four in 3164"), messages(fourth));
        assertEquals("cron", fourth.get(0).program());
        String host = java.net.InetAddress.getLocalHost().getHostName();
        for (LiveRow r : List.of(first.get(0), second.get(0), third.get(0), fourth.get(0))) {
            assertTrue(r.host().equals(host) || host.startsWith(r.host()), r.host() + " vs " + host);
            assertTrue(Math.abs(r.millis() - r.receivedMillis()) < 24 * 3600_000L, r.toString());
        }
    }

    @Test
    void loggerSendsAPythonTracebackLineByLineOverTcp() throws Exception {
        assumeTrue(SyslogClients.hasLogger(), "needs util-linux logger");
        listen();
        String traceback = """
                Traceback (most recent call last):
                  File "/srv/app/jobs.py", line 8, in run
                    queue.get(timeout=5)
                queue.Empty
                """;
        SyslogClients.loggerLines(receiver.address(ListenAddress.Protocol.TCP), traceback, "--rfc5424", "--tcp",
                "-t", "jobs");
        List<LiveRow> rows = rows(4);
        assertEquals(List.of("Traceback (most recent call last):", "  File \"/srv/app/jobs.py\", line 8, in run",
                "    queue.get(timeout=5)", "queue.Empty"), messages(rows));
        rows.forEach(r -> assertEquals("jobs", r.program()));
    }

    @Test
    void framesOctetCountedAndNewlineFramedMessagesOnOneConnection() throws Exception {
        listen();
        String a = "<165>1 2026-12-03T10:00:00.000Z web01 app 77 - - first";
        String b = "<11>Dec  3 10:00:01 web02 worker[9]: second\n  continued line\n";
        String c = "<14>third, a message sent with a NUL as Python does\n  with a second line\0";
        try (Socket s = new Socket()) {
            s.connect(receiver.address(ListenAddress.Protocol.TCP));
            OutputStream out = s.getOutputStream();
            out.write((a.getBytes(StandardCharsets.UTF_8).length + " " + a).getBytes(StandardCharsets.UTF_8));
            out.write(b.getBytes(StandardCharsets.UTF_8));
            out.write(c.getBytes(StandardCharsets.UTF_8));
            out.write("<13>last without a line end".getBytes(StandardCharsets.UTF_8));
        }
        List<LiveRow> rows = rows(6);
        assertEquals(List.of("first", "second", "  continued line", "third, a message sent with a NUL as Python does",
                "  with a second line", "last without a line end"), messages(rows));
        assertEquals("web01", rows.get(0).host());
        assertEquals("app", rows.get(0).program());
        assertEquals(java.time.Instant.parse("2026-12-03T10:00:00Z").toEpochMilli(), rows.get(0).millis());
        assertEquals("web02", rows.get(2).host());
        assertEquals("worker", rows.get(2).program());
        assertEquals("127.0.0.1", rows.get(4).host());
        assertEquals("Notice", rows.get(5).severity());
    }

    @Test
    void aBurstAboveTheQueueBoundIsDroppedAndCountedNeverBuffered() throws Exception {
        RowQueue small = new RowQueue(10_000);
        receiver = new SyslogReceiver(ListenAddress.parseList("tcp://127.0.0.1:0"), small);
        receiver.start();
        int sent = 200_000;
        try (Socket s = new Socket()) {
            s.connect(receiver.address(ListenAddress.Protocol.TCP));
            OutputStream out = new java.io.BufferedOutputStream(s.getOutputStream(), 1 << 16);
            for (int i = 0; i < sent; i++) {
                out.write(("<14>1 2026-12-03T10:00:00.000Z h app - - - burst row " + i + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        }
        long until = System.nanoTime() + 30_000_000_000L;
        while (small.offered() < sent && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(sent, small.offered());
        assertEquals(10_000, small.size(), "the queue holds its bound, no more");
        assertEquals(sent - 10_000, small.dropped());
        List<LiveRow> kept = new ArrayList<>();
        small.drain(kept, sent, 10);
        assertEquals("burst row 0", kept.getFirst().message());
        assertEquals("burst row 9999", kept.getLast().message());
    }
}
