package dev.tracelens.engine;

import dev.tracelens.live.ListenAddress;
import dev.tracelens.live.SyslogClients;
import dev.tracelens.live.SyslogReceiver;
import dev.tracelens.store.GroupSort;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.Traceback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Live syslog into a real Lucene store: real clients (Python's SysLogHandler raising and logging
 * exceptions), batches committed through the import path, a 200,000-row burst that loses nothing
 * below the queue bound, and a restart that neither loses nor duplicates.
 */
class LiveServiceTest {
    @TempDir
    Path tmp;

    private LiveService service(TracebackIndex store, LiveService.Settings settings) {
        return new LiveService(new ImportService(store, 50), tmp.resolve("spool"), "syslog", settings,
                LiveService.Listener.NONE);
    }

    @Test
    void pythonTracebacksOverUdpAndTcpBecomeStoredTracebacksWithTheirContext() throws Exception {
        assumeTrue(SyslogClients.hasPython(), "needs python3");
        try (TracebackIndex store = Stores.open(tmp.resolve("store"))) {
            LiveService live = service(store, new LiveService.Settings(1_000, Duration.ofMillis(200), 10_000));
            live.start();
            try (SyslogReceiver receiver = new SyslogReceiver(
                    ListenAddress.parseList("udp://127.0.0.1:0,tcp://127.0.0.1:0"), live.queue())) {
                receiver.start();
                SyslogClients.pythonTraceback(tmp, receiver.address(ListenAddress.Protocol.UDP), false, "", 3);
                SyslogClients.pythonTraceback(tmp, receiver.address(ListenAddress.Protocol.TCP), true, "billing: ", 3);
                waitFor(() -> live.queue().offered() >= 2 * (3 * 13 + 1) - 12);
                Thread.sleep(300); // the last UDP datagrams
            }
            live.close();
            assertNull(live.status().lastError());
            assertEquals(0, live.status().dropped());
            List<Traceback> hits = store.search(StoreFilter.ALL, 100).hits();
            assertEquals(6, hits.size(), hits.toString());
            for (Traceback hit : hits) {
                Traceback t = store.occurrence(hit.firstId(), hit.ordinal()).orElseThrow();
                assertEquals("ValueError", t.exceptionType());
                assertEquals("invalid literal for int() with base 10: 'twelve'", t.message());
                assertEquals(List.of("<module>", "charge", "parse_amount"),
                        t.frames().stream().map(dev.tracelens.traceback.Frame::function).toList());
                assertEquals("127.0.0.1", t.host());
                assertTrue(t.program().equals("billing") || t.program().isEmpty(), t.program());
                assertTrue(t.context().stream().anyMatch(c -> c.message().startsWith("charge failed for order")),
                        t.context().toString());
                assertTrue(t.archive().startsWith("syslog-") && t.archive().endsWith(".tsv"), t.archive());
            }
            assertEquals(1, store.groups(StoreFilter.ALL, GroupSort.COUNT, 10).totalGroups(), "one bug, one group");
        }
    }

    @Test
    void aBurstOf200000RowsBelowTheQueueBoundLosesNothing() throws Exception {
        int rows = 200_000;
        try (TracebackIndex store = Stores.open(tmp.resolve("store"))) {
            LiveService live = service(store, new LiveService.Settings(50_000, Duration.ofMillis(500), 250_000));
            live.start();
            long started;
            try (SyslogReceiver receiver = new SyslogReceiver(ListenAddress.parseList("tcp://127.0.0.1:0"), live.queue())) {
                receiver.start();
                started = System.nanoTime();
                try (Socket s = new Socket()) {
                    s.connect(receiver.address(ListenAddress.Protocol.TCP));
                    OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
                    for (int i = 0; i < rows; i++) {
                        String host = "web" + (i % 20);
                        String msg = i % 1000 == 999 ? tracebackLine(i) : "GET /api/orders/" + i + " 200";
                        out.write(("<14>1 2026-12-03T10:00:00.000Z " + host + " app 42 - - " + msg + "\n")
                                .getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                }
                waitFor(() -> live.queue().offered() >= rows);
            }
            live.close();
            double seconds = (System.nanoTime() - started) / 1e9;
            LiveService.Status s = live.status();
            assertEquals(rows, s.received());
            assertEquals(0, s.dropped());
            assertEquals(rows, s.spooled());
            assertEquals(rows, s.committedRows(), "every row reached the store in " + seconds + " s");
            assertEquals(rows / 1000, store.tracebackCount());
            long lines = 0;
            try (Stream<Path> files = Files.list(tmp.resolve("spool"))) {
                for (Path f : files.toList()) {
                    try (Stream<String> l = Files.lines(f)) {
                        lines += l.count();
                    }
                }
            }
            assertEquals(rows, lines);
        }
    }

    /** A one-row Python traceback as Papertrail and rsyslog escape its line ends. */
    private static String tracebackLine(int i) {
        return "Traceback (most recent call last):#012  File \"/srv/app/orders.py\", line 12, in load#012"
                + "    return rows[" + i + "]#012IndexError: list index out of range";
    }

    @Test
    void aRestartImportsWhatWasSpooledButNotCommittedAndNothingTwice() throws Exception {
        Path spool = tmp.resolve("spool");
        Files.createDirectories(spool);
        // What a killed listener leaves: one sealed segment the store never imported, and a
        // half-written one whose last line was cut in the middle.
        Files.writeString(spool.resolve("syslog-4611686018427387905.tsv"), row(4611686018427387905L, "before a crash")
                + row(4611686018427387906L, "Traceback (most recent call last):#012  File \"/srv/a.py\", line 1, in f#012KeyError: 'x'"));
        Files.writeString(spool.resolve("syslog-4611686018427387907.tsv.part"), row(4611686018427387907L, "kept")
                + "4611686018427387908\t2026-12-03T10:00:0");
        try (TracebackIndex store = Stores.open(tmp.resolve("store"))) {
            LiveService live = service(store, LiveService.Settings.DEFAULT);
            var caughtUp = live.start();
            live.close();
            assertEquals(2, caughtUp.imported().size());
            assertEquals(3, caughtUp.rows());
            assertEquals(1, store.tracebackCount());
            assertTrue(Files.exists(spool.resolve("syslog-4611686018427387907.tsv")));
            assertEquals(4611686018427387907L, live.lastId());

            LiveService again = service(store, LiveService.Settings.DEFAULT);
            var second = again.start();
            again.queue().offer(new dev.tracelens.live.LiveRow(0, 1, 1, "h", "", "", "", "p", "after the restart"));
            again.close();
            assertTrue(second == null || second.imported().isEmpty(), "registered segments are skipped");
            assertEquals(1, store.tracebackCount());
            assertEquals(1, again.status().committedRows());
            try (Stream<Path> files = Files.list(spool)) {
                assertEquals(3, files.count());
            }
        }
    }

    private static String row(long id, String message) {
        return id + "\t2026-12-03T10:00:00.000Z\t2026-12-03T10:00:00.000Z\t0\tweb1\t10.0.0.1\tUser\tError\tapp\t"
                + message + "\n";
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }
}
