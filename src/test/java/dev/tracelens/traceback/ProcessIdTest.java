package dev.tracelens.traceback;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProcessIdTest {

    @Test
    void findsEachForm() {
        assertEquals("20286", ProcessId.find("20286/MainThread ERROR app.views: lookup failed"));
        assertEquals("20286", ProcessId.find("app[20286]: ERROR boom"));
        assertEquals("20286", ProcessId.find("[20286] ERROR boom"));
        assertEquals("20286", ProcessId.find("worker exited pid=20286 status=1"));
        assertEquals("20286", ProcessId.find("Booting worker with pid: 20286"));
        assertEquals("20286", ProcessId.find("reaped pid 20286"));
        assertEquals("17878", ProcessId.find("2014-04-16 21:48:04.492 17878 TRACE nova.compute.manager"));
        assertEquals("17878", ProcessId.find("2014-04-16T21:48:04,492 17878 ERROR x"));
        assertEquals("20286", ProcessId.find("[2016-08-12 03:18:39 +0000] [20286] [ERROR] Error handling request /users"));
        assertEquals("20286", ProcessId.find("[pid: 20286|app: 0|req: 1/2] 10.0.0.5 () {38 vars} [Fri Aug 12 03:18:39 2016] GET /"));
    }

    @Test
    void earliestFormWins() {
        assertEquals("20286", ProcessId.find("20286/MainThread ERROR job [77] failed for pid=12"));
    }

    @Test
    void datesAndPlainNumbersAreNoProcessIds() {
        assertNull(ProcessId.find("2016/08/12 03:18:39 GET /users/17 200"));
        assertNull(ProcessId.find("127.0.0.1 - - [12/Aug/2016:03:18:39 +0000] \"GET / HTTP/1.1\" 200"));
        assertNull(ProcessId.find("2014-04-16 21:48:04.492 ERROR nova.compute.manager"));
        assertNull(ProcessId.find("Traceback (most recent call last):"));
        assertNull(ProcessId.find(null));
    }
}
