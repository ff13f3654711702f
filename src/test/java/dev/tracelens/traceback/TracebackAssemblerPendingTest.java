package dev.tracelens.traceback;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store's contract with the assembler ({@code StoreImporter} writes these copies at each
 * archive's end): {@link TracebackAssembler#pending()} gives exactly what {@link
 * TracebackAssembler#finish()} would emit at that moment, and leaves the tracebacks open.
 */
class TracebackAssemblerPendingTest {
    private static final String WEB = "i-2ee330b7";
    private static final String APP = "app-web";

    /** One source cut before its exception line, another after it (its message might go on). */
    private static TestRows twoOpen() {
        TestRows rows = new TestRows();
        rows.add(WEB, APP, "20286/MainThread INFO app.views: handling request");
        rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/app/views.py", line 42, in get_user
                    user = User.objects.get(id=user_id)""");
        rows.add("i-0f00", "app-worker", "4000/MainThread INFO worker.tasks: processed job");
        rows.addLines("i-0f00", "app-worker", """
                Traceback (most recent call last):
                  File "/srv/app/app/jobs.py", line 7, in run
                    do()
                KeyError: 'job'""");
        return rows;
    }

    @Test
    void pendingIsWhatFinishWouldEmitAndLeavesTheTracebacksOpen() {
        List<Traceback> emitted = new ArrayList<>();
        TracebackAssembler assembler = new TracebackAssembler(5, emitted::add);
        twoOpen().feed(assembler);
        List<Traceback> pending = assembler.pending();
        assertTrue(emitted.isEmpty(), "pending() emits nothing: " + emitted);
        assertEquals(2, pending.size());
        assertEquals(pending, assembler.pending(), "asking twice gives the same copies");
        assertTrue(pending.get(0).truncated(), "cut before its exception line");
        assertFalse(pending.get(1).truncated(), "its exception line was seen");

        List<Traceback> finished = new ArrayList<>();
        TracebackAssembler twin = new TracebackAssembler(5, finished::add);
        twoOpen().feed(twin);
        twin.finish();
        assertEquals(finished, pending);

        assembler.finish();
        assertEquals(pending, emitted, "finish() after pending() emits the same tracebacks");
        assertTrue(assembler.pending().isEmpty());
    }
}
