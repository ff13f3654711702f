package dev.tracelens.traceback;

import dev.tracelens.archive.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 19's assembler cases: one header row gives one traceback, huge traces keep head, tail and exception line, open traces are capped. */
class TraceBoundsTest {
    private final TestRows rows = new TestRows();
    private final List<Traceback> out = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private List<Traceback> run(TraceOptions options) {
        TracebackAssembler assembler = new TracebackAssembler(TracebackAssembler.DEFAULT_CONTEXT_ROWS, options, out::add,
                problems::add);
        rows.feed(assembler);
        assembler.finish();
        return out;
    }

    @Test
    void aRowHoldingAWholeTracebackWithLiteralNewlinesAndAQuotedRemoteOneGivesOneTraceback() {
        long header = rows.add("nova-1", "nova-compute", "2014-04-16 21:48:04.492 17878 ERROR oslo.messaging.rpc.dispatcher "
                + "[-] Exception during message handling: Traceback (most recent call last):\\n"
                + "  File \"/usr/lib/python2.7/dist-packages/oslo/messaging/rpc/dispatcher.py\", line 133, in _dispatch_and_reply\\n"
                + "    incoming.message))\\n"
                + "RemoteError: Remote error: ValueError boom\\n"
                + "[u'Traceback (most recent call last):\\n', u'  File \"/usr/lib/python2.7/dist-packages/nova/conductor/manager.py\", "
                + "line 7, in f\\n    g()\\n', u'ValueError: boom\\n'].");
        rows.add("nova-1", "nova-compute", "2014-04-16 21:48:05.001 17878 INFO nova.compute.manager [-] next");
        List<Traceback> tbs = run(TraceOptions.DEFAULT);
        assertEquals(1, tbs.size(), tbs.toString());
        Traceback t = tbs.getFirst();
        assertEquals(header, t.firstId());
        assertEquals("RemoteError", t.exceptionType());
        assertFalse(t.truncated());
        assertTrue(t.message().contains("[u'Traceback (most recent call last):"), t.message());
    }

    @Test
    void aHundredThousandFrameTracebackKeepsHeadTailAndItsExceptionLine() {
        long header = rows.add("w-1", "worker", "Traceback (most recent call last):");
        for (int i = 0; i < 100_000; i++) {
            rows.add("w-1", "worker", "  File \"/srv/app/app/walk.py\", line " + (10 + i % 7) + ", in step" + i);
            rows.add("w-1", "worker", "    return step(n - 1)");
        }
        long last = rows.add("w-1", "worker", "RecursionError: maximum recursion depth exceeded");
        rows.add("w-1", "worker", "INFO done");
        Traceback t = run(TraceOptions.DEFAULT).getFirst();
        assertEquals(header, t.firstId());
        assertEquals(last, t.id());
        assertEquals("RecursionError", t.exceptionType());
        assertEquals("maximum recursion depth exceeded", t.message());
        assertFalse(t.truncated());
        assertEquals("step0", t.frames().getFirst().function());
        assertEquals("step99999", t.frames().getLast().function());
        List<String> lines = List.of(t.text().split("\n"));
        assertTrue(lines.size() <= TraceText.HEAD_LINES + TraceText.TAIL_LINES + 1, "bounded: " + lines.size());
        long cut = 200_002 - TraceText.HEAD_LINES - TraceText.TAIL_LINES;
        assertEquals("  ...<" + cut + " lines cut by Tracelens>...", lines.get(TraceText.HEAD_LINES));
        assertEquals(LineKind.ELISION, t.lineKinds().get(TraceText.HEAD_LINES));
        assertEquals(LineKind.EXCEPTION, t.lineKinds().getLast());
    }

    @Test
    void openTracesAreCappedWithAProblemAndNoneIsLost() {
        // A budget this small allows the minimum, 256 open traces at once.
        TraceOptions small = TraceOptions.DEFAULT.withMemoryBytes(1);
        int n = 1_000;
        for (int i = 0; i < n; i++) {
            rows.add("h-" + i, "app", "Traceback (most recent call last):");
        }
        for (int i = 0; i < n; i++) {
            rows.add("h-" + i, "app", "  File \"/srv/app/x.py\", line 1, in f");
        }
        List<Traceback> tbs = run(small);
        assertEquals(n, tbs.size(), "every header row gives its traceback, cut ones included");
        assertTrue(tbs.stream().allMatch(Traceback::truncated));
        assertFalse(problems.isEmpty());
        assertEquals(Problem.Kind.TOO_MANY_OPEN_TRACES, problems.getFirst().kind());
        assertTrue(problems.getFirst().detail().startsWith("more than 256 traces were open at once"), problems.getFirst().detail());
        assertEquals(1, tbs.stream().map(Traceback::firstId).distinct().count() == n ? 1 : 0);
    }
}
