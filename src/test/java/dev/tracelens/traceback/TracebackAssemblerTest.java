package dev.tracelens.traceback;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TracebackAssemblerTest {
    private static final String WEB = "i-2ee330b7";
    private static final String APP = "app-web";

    private final TestRows rows = new TestRows();
    private final List<Traceback> out = new ArrayList<>();
    private final TracebackAssembler assembler = new TracebackAssembler(TracebackAssembler.DEFAULT_CONTEXT_ROWS, out::add);

    private List<Traceback> run() {
        rows.feed(assembler);
        assembler.finish();
        return out;
    }

    private void foreign(int n) {
        for (int i = 0; i < n; i++) {
            rows.add("i-0f" + (i % 7), i % 2 == 0 ? "app-worker" : "nginx",
                    (4000 + i) + "/MainThread INFO worker.tasks: processed job " + i);
        }
    }

    @Test
    void rebuildsTracebackWithFiftyForeignRowsInsideAndPrefixBeforeHeader() {
        rows.add(WEB, APP, "20286/MainThread INFO app.views: GET /users/17");
        long header = rows.add(WEB, APP, "20286/MainThread ERROR app.views: unhandled - Traceback (most recent call last):");
        foreign(50);
        rows.add(WEB, APP, "  File \"/srv/app/app/views.py\", line 42, in get_user");
        foreign(10);
        rows.add(WEB, APP, "    user = User.objects.get(id=user_id)");
        rows.add(WEB, APP, "  File \"/opt/venv/lib/python3.11/site-packages/django/db/models/manager.py\", line 87, in manager_method");
        rows.add(WEB, APP, "    return getattr(self.get_queryset(), name)(*args, **kwargs)");
        foreign(3);
        long last = rows.add(WEB, APP, "django.core.exceptions.ObjectDoesNotExist: User matching query does not exist.");
        foreign(5);
        rows.add(WEB, APP, "20286/MainThread INFO app.views: GET /health");

        List<Traceback> tbs = run();

        assertEquals(1, tbs.size());
        Traceback tb = tbs.get(0);
        assertEquals("django.core.exceptions.ObjectDoesNotExist", tb.exceptionType());
        assertEquals("User matching query does not exist.", tb.message());
        assertEquals(List.of(
                new Frame("/srv/app/app/views.py", 42, "get_user", "user = User.objects.get(id=user_id)"),
                new Frame("/opt/venv/lib/python3.11/site-packages/django/db/models/manager.py", 87, "manager_method",
                        "return getattr(self.get_queryset(), name)(*args, **kwargs)")), tb.frames());
        assertEquals(header, tb.firstId());
        assertEquals(last, tb.id());
        assertEquals(WEB, tb.host());
        assertEquals(APP, tb.program());
        assertEquals(Instant.parse("2016-08-12T03:18:40Z"), tb.timestamp());
        assertEquals("2016-08-12-03.tsv.gz", tb.archive());
        assertEquals(2, tb.row());
        assertFalse(tb.truncated());
        assertEquals("""
                Traceback (most recent call last):
                  File "/srv/app/app/views.py", line 42, in get_user
                    user = User.objects.get(id=user_id)
                  File "/opt/venv/lib/python3.11/site-packages/django/db/models/manager.py", line 87, in manager_method
                    return getattr(self.get_queryset(), name)(*args, **kwargs)
                django.core.exceptions.ObjectDoesNotExist: User matching query does not exist.""", tb.text());
        assertEquals(1, tb.context().size());
        assertEquals("20286/MainThread INFO app.views: GET /users/17", tb.context().get(0).message());
        assertTrue(tb.context().get(0).sameProcess());
        assertEquals(List.of("type:django.core.exceptions.ObjectDoesNotExist", "frame:app/views.py:get_user"),
                tb.fingerprintParts());
    }

    @Test
    void emitsOnlyWhenCompleteAtNextRowOfTheSameSource() {
        rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/app/jobs.py", line 8, in run
                    queue.get(timeout=5)
                queue.Empty""");
        foreign(3);
        rows.feed(assembler);
        assertTrue(out.isEmpty(), "an indented row of the source could still continue the message");
        rows.add(WEB, APP, "20286/MainThread INFO app.jobs: idle");
        rows.feed(assembler);
        assertEquals(1, out.size());
        assertEquals("queue.Empty", out.get(0).exceptionType());
        assertEquals("", out.get(0).message());
        assertFalse(out.get(0).truncated());
        assembler.finish();
        assertEquals(1, out.size());
    }

    @Test
    void twoTracebacksBackToBackOfTheSameSource() {
        long first = rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/app/cache.py", line 12, in lookup
                    return self._data[key]
                KeyError: 'user:17'""");
        long firstEnd = rows.lastId();
        long second = rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/app/cache.py", line 30, in store
                    self._data[key] = int(value)
                ValueError: invalid literal for int() with base 10: 'abc'""");

        List<Traceback> tbs = run();

        assertEquals(2, tbs.size());
        assertEquals("KeyError", tbs.get(0).exceptionType());
        assertEquals("'user:17'", tbs.get(0).message());
        assertEquals(first, tbs.get(0).firstId());
        assertEquals(firstEnd, tbs.get(0).id());
        assertEquals("ValueError", tbs.get(1).exceptionType());
        assertEquals(second, tbs.get(1).firstId());
        assertEquals("store", tbs.get(1).frames().get(0).function());
        assertFalse(tbs.get(1).truncated());
        // Context rule: every earlier row of the source, the first traceback's rows included.
        assertEquals(4, tbs.get(1).context().size());
        assertEquals("KeyError: 'user:17'", tbs.get(1).context().get(3).message());
        assertEquals(List.of(), tbs.get(0).context());
    }

    @Test
    void contextIsTheLastNRowsOfTheSameSourceOldestFirst() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(rows.add(WEB, APP, "20286/MainThread INFO app.views: step " + i));
            foreign(1);
        }
        rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/app/views.py", line 3, in step
                    raise RuntimeError("step failed")
                RuntimeError: step failed""");
        List<TestRows.Row> all = new ArrayList<>(rows.rows());

        List<Traceback> tbs = run();
        List<ContextLine> context = tbs.get(0).context();
        assertEquals(50, context.size());
        assertEquals(ids.subList(10, 60), context.stream().map(ContextLine::id).toList());
        assertEquals("20286/MainThread INFO app.views: step 10", context.get(0).message());
        assertEquals("20286/MainThread INFO app.views: step 59", context.get(49).message());
        assertEquals(Instant.ofEpochMilli(all.get(20).timestampMillis()), context.get(0).timestamp());

        for (int n : new int[] {0, 3}) {
            List<Traceback> small = new ArrayList<>();
            TracebackAssembler a = new TracebackAssembler(n, small::add);
            all.forEach(a::onRow);
            a.finish();
            assertEquals(ids.subList(60 - n, 60), small.get(0).context().stream().map(ContextLine::id).toList());
        }
    }

    @Test
    void marksContextRowsOfTheSameProcessInEachPidForm() {
        String[][] forms = {
                // header lead, same-process row, other-process row
                {"20286/MainThread ERROR app: unhandled - ", "20286/Worker-2 WARNING app: slow query", "20287/MainThread INFO app: ok"},
                {"app[20286]: ERROR unhandled ", "app[20286]: WARNING retrying", "app[20287]: INFO ok"},
                {"[20286] ERROR unhandled ", "[20286] WARNING retrying", "[20287] INFO ok"},
                {"ERROR worker pid=20286 crashed ", "INFO worker pid=20286 started", "INFO worker pid=20287 started"},
                {"ERROR worker pid 20286 crashed ", "INFO starting pid 20286", "INFO starting pid 20287"},
                {"2014-04-16 21:48:04.492 20286 TRACE nova.compute.manager ",
                        "2014-04-16 21:48:03.100 20286 ERROR nova.compute.manager [-] Instance failed to spawn",
                        "2014-04-16 21:48:03.200 20287 INFO nova.compute.manager [-] ok"},
        };
        for (String[] form : forms) {
            TestRows r = new TestRows();
            List<Traceback> tbs = new ArrayList<>();
            TracebackAssembler a = new TracebackAssembler(10, tbs::add);
            r.add(WEB, APP, form[1]);
            r.add(WEB, APP, form[2]);
            r.add(WEB, APP, "no process named here");
            r.add(WEB, APP, form[0] + "Traceback (most recent call last):");
            r.add(WEB, APP, "  File \"/srv/app/app/main.py\", line 1, in <module>");
            r.add(WEB, APP, "ZeroDivisionError: division by zero");
            r.feed(a);
            a.finish();
            assertEquals(List.of(true, false, false),
                    tbs.get(0).context().stream().map(ContextLine::sameProcess).toList(), form[0]);
        }
    }

    @Test
    void aBareHeaderTakesThePidOfTheLogLinePrintedJustBeforeIt() {
        String worker = "app-worker";
        rows.add(WEB, worker, "[32524] WARNING app.payments: gateway health check failed 3 times");
        rows.add(WEB, worker, "[777] INFO other.process: unrelated");
        rows.add(WEB, worker, "[32524] ERROR app.payments: charge failed for invoice 45975");
        rows.addLines(WEB, worker, """
                Traceback (most recent call last):
                  File "/srv/app/app/payments.py", line 88, in charge
                    resp = session.post(url)
                ConnectionError: refused""");
        Traceback tb = run().get(0);
        assertEquals(List.of(true, false, true), tb.context().stream().map(ContextLine::sameProcess).toList());
    }

    @Test
    void headerWithoutProcessIdAndNoPidInTheMomentBeforeMarksNothing() {
        rows.add(WEB, APP, "20286/MainThread INFO app: starting");
        rows.pause(60_000);
        rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/app/main.py", line 1, in <module>
                ZeroDivisionError: division by zero""");
        List<Traceback> tbs = run();
        assertEquals(1, tbs.get(0).context().size());
        assertFalse(tbs.get(0).context().get(0).sameProcess());
    }

    @Test
    void continuesAcrossTwoArchiveFilesThroughTheSameAssembler() {
        rows.archive("2016-08-12-03.tsv.gz");
        foreign(2);
        long header = rows.add(WEB, APP, "20286/MainThread ERROR app.tasks: failed - Traceback (most recent call last):");
        rows.add(WEB, APP, "  File \"/srv/app/app/tasks.py\", line 77, in send_report");
        rows.feed(assembler);
        assertTrue(out.isEmpty());

        rows.archive("2016-08-12-04.tsv.gz");
        rows.add(WEB, APP, "    smtp.sendmail(sender, to, body)");
        long last = rows.add(WEB, APP, "smtplib.SMTPServerDisconnected: Connection unexpectedly closed");
        rows.add(WEB, APP, "20286/MainThread INFO app.tasks: next");

        Traceback tb = run().get(0);
        assertEquals(header, tb.firstId());
        assertEquals(last, tb.id());
        assertEquals("2016-08-12-03.tsv.gz", tb.archive());
        assertEquals(3, tb.row());
        assertEquals("smtplib.SMTPServerDisconnected", tb.exceptionType());
        assertEquals(new Frame("/srv/app/app/tasks.py", 77, "send_report", "smtp.sendmail(sender, to, body)"), tb.frames().get(0));
        assertFalse(tb.truncated());
    }

    @Test
    void cutOffAtFinishIsTruncated() {
        rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/app/views.py", line 42, in get_user
                    user = User.objects.get(id=user_id)""");
        Traceback tb = run().get(0);
        assertTrue(tb.truncated());
        assertEquals("", tb.exceptionType());
        assertEquals("", tb.message());
        assertEquals(1, tb.frames().size());
        assertTrue(tb.fingerprintParts().contains("truncated"));
    }

    @Test
    void cutOffByUnrelatedOutputIsTruncatedAndThatRowMayStartTheNextTraceback() {
        rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/app/views.py", line 42, in get_user""");
        long cutEnd = rows.lastId();
        rows.add(WEB, APP, "20286/MainThread INFO app.views: GET /users/18 took 12ms");
        long second = rows.add(WEB, APP, "20286/MainThread ERROR app: oops Traceback (most recent call last):");
        rows.add(WEB, APP, "  File \"/srv/app/app/views.py\", line 50, in list_users");
        long secondEnd = rows.add(WEB, APP, "TypeError: 'NoneType' object is not iterable");

        List<Traceback> tbs = run();
        assertEquals(2, tbs.size());
        assertTrue(tbs.get(0).truncated());
        assertEquals(cutEnd, tbs.get(0).id());
        assertEquals("", tbs.get(0).exceptionType());
        assertEquals("get_user", tbs.get(0).frames().get(0).function());
        assertFalse(tbs.get(1).truncated());
        assertEquals(second, tbs.get(1).firstId());
        assertEquals(secondEnd, tbs.get(1).id());
        assertEquals("TypeError", tbs.get(1).exceptionType());
        assertEquals("20286/MainThread INFO app.views: GET /users/18 took 12ms",
                tbs.get(1).context().get(tbs.get(1).context().size() - 1).message());
    }

    @Test
    void newHeaderRightAfterHeaderCutsTheFirst() {
        rows.add(WEB, APP, "Traceback (most recent call last):");
        rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/app/a.py", line 1, in f
                OSError: [Errno 28] No space left on device""");
        List<Traceback> tbs = run();
        assertEquals(2, tbs.size());
        assertTrue(tbs.get(0).truncated());
        assertEquals("OSError", tbs.get(1).exceptionType());
        assertEquals("[Errno 28] No space left on device", tbs.get(1).message());
    }

    @Test
    void wholeTracebackInOneMessageWithRsyslogEscapes() {
        long id = rows.add(WEB, APP, "20286/MainThread ERROR app.api: request failed#012Traceback (most recent call last):#012"
                + "  File \"/srv/app/app/api.py\", line 9, in handle#012    return json.loads(body)#012"
                + "  File \"/usr/lib/python2.7/json/__init__.py\", line 338, in loads#012#011return _default_decoder.decode(s)#012"
                + "ValueError: No JSON object could be decoded");
        rows.add(WEB, APP, "20286/MainThread INFO app.api: GET /ping");
        Traceback tb = run().get(0);
        assertEquals(id, tb.id());
        assertEquals(id, tb.firstId());
        assertEquals("ValueError", tb.exceptionType());
        assertEquals("No JSON object could be decoded", tb.message());
        assertEquals(2, tb.frames().size());
        assertEquals("return _default_decoder.decode(s)", tb.frames().get(1).code());
        assertTrue(tb.text().startsWith("Traceback (most recent call last):\n  File \"/srv/app/app/api.py\""), tb.text());
        assertTrue(tb.text().contains("\n\treturn _default_decoder.decode(s)\n"), tb.text());
        assertFalse(tb.truncated());
    }

    @Test
    void wholeTracebackInOneMessageWithLiteralBackslashN() {
        rows.add(WEB, APP, "[20286] ERROR Traceback (most recent call last):\\n  File \"/srv/app/app/render.py\", line 5, in render\\n"
                + "    return tpl.format(\"a\\nb\")\\nIndexError: tuple index out of range");
        Traceback tb = run().get(0);
        assertEquals("IndexError", tb.exceptionType());
        assertEquals("tuple index out of range", tb.message());
        assertEquals(List.of(new Frame("/srv/app/app/render.py", 5, "render", "return tpl.format(\"a\\nb\")")), tb.frames());
        assertFalse(tb.truncated(), "it had its exception line");
    }

    @Test
    void stripsNovaTracePrefixWhoseTimestampDiffersPerRow() {
        rows.add("compute-1", "nova-compute", "2014-04-16 21:48:04.490 17878 ERROR nova.compute.manager [-] Instance failed");
        rows.addLines("compute-1", "nova-compute", """
                2014-04-16 21:48:04.492 17878 TRACE nova.compute.manager Traceback (most recent call last):
                2014-04-16 21:48:04.492 17878 TRACE nova.compute.manager   File "/usr/lib/python2.7/dist-packages/nova/compute/manager.py", line 1037, in _build_instance
                2014-04-16 21:48:04.493 17878 TRACE nova.compute.manager     set_access_ip=set_access_ip)
                2014-04-16 21:48:04.493 17878 TRACE nova.compute.manager   File "/usr/lib/python2.7/dist-packages/nova/virt/libvirt/driver.py", line 2125, in spawn
                2014-04-16 21:48:04.493 17878 TRACE nova.compute.manager     block_device_info)
                2014-04-16 21:48:04.494 17878 TRACE nova.compute.manager InstanceDeployFailure: Image download failed
                2014-04-16 21:48:04.494 17878 TRACE nova.compute.manager\s
                2014-04-16 21:48:05.001 17878 INFO nova.compute.manager [-] Terminating instance""");
        Traceback tb = run().get(0);
        assertEquals("InstanceDeployFailure", tb.exceptionType());
        assertEquals("Image download failed", tb.message());
        assertEquals(List.of("_build_instance", "spawn"), tb.frames().stream().map(Frame::function).toList());
        assertEquals("set_access_ip=set_access_ip)", tb.frames().get(0).code());
        assertEquals("""
                Traceback (most recent call last):
                  File "/usr/lib/python2.7/dist-packages/nova/compute/manager.py", line 1037, in _build_instance
                    set_access_ip=set_access_ip)
                  File "/usr/lib/python2.7/dist-packages/nova/virt/libvirt/driver.py", line 2125, in spawn
                    block_device_info)
                InstanceDeployFailure: Image download failed""", tb.text());
        assertTrue(tb.context().get(0).sameProcess());
        assertEquals(List.of("type:InstanceDeployFailure", "message:Image download failed"), tb.fingerprintParts(),
                "nova's frames are under site-packages: no own frame, so type and message");
    }

    @Test
    void stripsContainerPrefix() {
        rows.addLines("docker-host", "compose", """
                web-1  | Traceback (most recent call last):
                web-1  |   File "/app/app/views.py", line 10, in index
                web-1  |     return render(request, "index.html", ctx)
                web-1  | jinja2.exceptions.TemplateNotFound: index.html
                web-1  | 172.18.0.1 - - [12/Aug/2016:03:18:39 +0000] "GET / HTTP/1.1" 500 -""");
        Traceback tb = run().get(0);
        assertEquals("jinja2.exceptions.TemplateNotFound", tb.exceptionType());
        assertEquals("index.html", tb.message());
        assertEquals(new Frame("/app/app/views.py", 10, "index", "return render(request, \"index.html\", ctx)"), tb.frames().get(0));
        assertFalse(tb.text().contains("web-1"), tb.text());
        assertFalse(tb.truncated());
    }

    @Test
    void stripsRepeatedTextBeforeTheHeaderOnlyWhenFollowingRowsRepeatIt() {
        rows.addLines(WEB, APP, """
                worker: Traceback (most recent call last):
                worker:   File "/srv/app/app/w.py", line 3, in loop
                worker:     item = q.pop()
                worker: IndexError: pop from empty list
                worker: idle""");
        Traceback tb = run().get(0);
        assertEquals("IndexError", tb.exceptionType());
        assertEquals("pop from empty list", tb.message());
        assertEquals("item = q.pop()", tb.frames().get(0).code());
    }

    @Test
    void chainedExceptionsWithAndWithoutBlankRows() {
        for (String blank : new String[] {"\n", ""}) {
            TestRows r = new TestRows();
            List<Traceback> tbs = new ArrayList<>();
            TracebackAssembler a = new TracebackAssembler(5, tbs::add);
            r.addLines(WEB, APP, """
                    Traceback (most recent call last):
                      File "/srv/app/app/cache.py", line 12, in lookup
                        return self._data[key]
                    KeyError: 'user:17'
                    """ + blank + """
                    During handling of the above exception, another exception occurred:
                    """ + blank + """
                    Traceback (most recent call last):
                      File "/srv/app/app/cache.py", line 14, in lookup
                        raise LookupFailed(key) from None
                    app.errors.LookupFailed: user:17
                    """ + blank + """
                    The above exception was the direct cause of the following exception:
                    """ + blank + """
                    Traceback (most recent call last):
                      File "/srv/app/app/views.py", line 40, in profile
                        data = cache.lookup(key)
                    RuntimeError: profile unavailable
                    20286/MainThread INFO app: next""");
            r.feed(a);
            a.finish();
            assertEquals(1, tbs.size());
            Traceback tb = tbs.get(0);
            assertEquals("RuntimeError", tb.exceptionType());
            assertEquals("profile unavailable", tb.message());
            assertEquals(List.of(new Frame("/srv/app/app/views.py", 40, "profile", "data = cache.lookup(key)")), tb.frames());
            assertEquals(2, tb.causes().size());
            assertEquals(new ChainedException("KeyError", "'user:17'",
                    List.of(new Frame("/srv/app/app/cache.py", 12, "lookup", "return self._data[key]")), "context"), tb.causes().get(0));
            assertEquals("app.errors.LookupFailed", tb.causes().get(1).exceptionType());
            assertEquals("cause", tb.causes().get(1).relation());
            assertEquals(14, tb.causes().get(1).frames().get(0).line());
            assertFalse(tb.truncated());
            assertEquals(List.of("type:RuntimeError", "cause:KeyError", "cause:app.errors.LookupFailed",
                    "frame:app/views.py:profile"), tb.fingerprintParts());
        }
    }

    @Test
    void chainCutAfterSeparatorIsTruncated() {
        rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/app/cache.py", line 12, in lookup
                KeyError: 'user:17'

                During handling of the above exception, another exception occurred:
                """);
        Traceback tb = run().get(0);
        assertTrue(tb.truncated());
        assertEquals("", tb.exceptionType());
        assertEquals("KeyError", tb.causes().get(0).exceptionType());
    }

    @Test
    void exceptionGroup() {
        rows.add(WEB, APP, "20286/MainThread ERROR app.batch: batch failed");
        rows.addLines(WEB, APP, """
                  + Exception Group Traceback (most recent call last):
                  |   File "/srv/app/app/batch.py", line 20, in run_all
                  |     async with asyncio.TaskGroup() as tg:
                  |   File "/usr/lib/python3.11/asyncio/taskgroups.py", line 133, in __aexit__
                  |     raise me from None
                  | ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)
                  +-+---------------- 1 ----------------
                    | Traceback (most recent call last):
                    |   File "/srv/app/app/batch.py", line 9, in fetch
                    |     raise ValueError(f"bad id {item}")
                    | ValueError: bad id 17
                    +---------------- 2 ----------------
                    | Traceback (most recent call last):
                    |   File "/srv/app/app/batch.py", line 11, in store
                    |     raise TypeError("no store")
                    | TypeError: no store
                    +------------------------------------
                20286/MainThread INFO app.batch: done""");
        List<Traceback> tbs = run();
        assertEquals(1, tbs.size());
        Traceback tb = tbs.get(0);
        assertEquals("ExceptionGroup", tb.exceptionType());
        assertEquals("unhandled errors in a TaskGroup (2 sub-exceptions)", tb.message());
        assertEquals(List.of("run_all", "__aexit__"), tb.frames().stream().map(Frame::function).toList());
        assertEquals("async with asyncio.TaskGroup() as tg:", tb.frames().get(0).code());
        assertEquals(List.of(
                new ChainedException("ValueError", "bad id 17",
                        List.of(new Frame("/srv/app/app/batch.py", 9, "fetch", "raise ValueError(f\"bad id {item}\")")), "group"),
                new ChainedException("TypeError", "no store",
                        List.of(new Frame("/srv/app/app/batch.py", 11, "store", "raise TypeError(\"no store\")")), "group")),
                tb.causes());
        assertTrue(tb.text().startsWith("  + Exception Group Traceback (most recent call last):\n  |   File"), tb.text());
        assertTrue(tb.text().endsWith("    +------------------------------------"), tb.text());
        assertFalse(tb.truncated());
        assertEquals(List.of("type:ExceptionGroup", "group:ValueError", "group:TypeError", "frame:app/batch.py:run_all"),
                tb.fingerprintParts());
    }

    @Test
    void nestedExceptionGroupMembersAreFlattened() {
        rows.addLines(WEB, APP, """
                  + Exception Group Traceback (most recent call last):
                  |   File "/srv/app/app/main.py", line 3, in <module>
                  | ExceptionGroup: outer (2 sub-exceptions)
                  +-+---------------- 1 ----------------
                    | ValueError: 1
                    +---------------- 2 ----------------
                    | ExceptionGroup: inner (1 sub-exception)
                    +-+---------------- 1 ----------------
                      | KeyError: 'k'
                      +------------------------------------""");
        Traceback tb = run().get(0);
        assertEquals("ExceptionGroup", tb.exceptionType());
        assertEquals(List.of("ValueError", "ExceptionGroup", "KeyError"),
                tb.causes().stream().map(ChainedException::exceptionType).toList());
        assertEquals("inner (1 sub-exception)", tb.causes().get(1).message());
        assertFalse(tb.truncated());
    }

    @Test
    void syntaxErrorWithCaret() {
        rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/manage.py", line 10, in <module>
                    import settings
                  File "/srv/app/settings.py", line 3
                    foo(
                       ^
                SyntaxError: invalid syntax
                20286/MainThread INFO app: exiting""");
        Traceback tb = run().get(0);
        assertEquals("SyntaxError", tb.exceptionType());
        assertEquals("invalid syntax", tb.message());
        assertEquals(List.of(new Frame("/srv/app/manage.py", 10, "<module>", "import settings"),
                new Frame("/srv/app/settings.py", 3, "", "foo(")), tb.frames());
    }

    @Test
    void jsonMessageContinuesOnIndentedAndBracketRows() {
        rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/app/billing.py", line 61, in charge
                    resp.raise_for_status()
                stripe.error.CardError: Request req_8x: {
                  "error": {
                    "code": "card_declined",
                    "message": "Your card was declined."
                  }
                }""");
        foreign(2);
        rows.add(WEB, APP, "20286/MainThread INFO app.billing: retry scheduled");
        Traceback tb = run().get(0);
        assertEquals("stripe.error.CardError", tb.exceptionType());
        assertEquals("""
                Request req_8x: {
                  "error": {
                    "code": "card_declined",
                    "message": "Your card was declined."
                  }
                }""", tb.message());
        assertFalse(tb.truncated());
        assertTrue(tb.text().endsWith("\n}"));
    }

    @Test
    void aBracketedPidLogLineAfterTheExceptionEndsTheTraceback() {
        String worker = "app-worker";
        rows.addLines(WEB, worker, """
                Traceback (most recent call last):
                  File "/srv/app/app/payments.py", line 88, in charge
                    resp = session.post(url)
                requests.exceptions.ConnectionError: Max retries exceeded""");
        rows.add(WEB, worker, "[32524] INFO celery.worker: Task app.tasks.sync_catalog[30c663c1] succeeded in 3.059s");
        rows.addLines(WEB, worker, """
                [32524] ERROR app.plugins: cannot load plugin - Traceback (most recent call last):
                  File "/srv/app/plugins/custom_rules.py", line 12
                    if rule.enabled
                                   ^
                SyntaxError: invalid syntax""");
        List<Traceback> tbs = run();
        assertEquals(List.of("requests.exceptions.ConnectionError", "SyntaxError"),
                tbs.stream().map(Traceback::exceptionType).toList());
        assertEquals("Max retries exceeded", tbs.get(0).message());
        assertFalse(tbs.get(0).text().contains("celery"));
    }

    @Test
    void bracketRowsContinueTheMessageOnlyWhenTheyLookLikeJson() {
        assertTrue(PythonTrace.continuesJsonOrRepr("["));
        assertTrue(PythonTrace.continuesJsonOrRepr("[{\"id\": 1},"));
        assertTrue(PythonTrace.continuesJsonOrRepr("[ 1, 2 ]"));
        assertTrue(PythonTrace.continuesJsonOrRepr("]"));
        assertFalse(PythonTrace.continuesJsonOrRepr("[20286] INFO app: next"));
        assertFalse(PythonTrace.continuesJsonOrRepr("[pid 7] WARNING x"));
    }

    @Test
    void python311MarkersElisionsRepeatsAndStringFrames() {
        rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/app/calc.py", line 30, in <module>
                    main()
                    ~~~~^^
                  File "/srv/app/app/calc.py", line 20, in main
                    total = compute(
                            ^^^^^^^^
                    ...<3 lines>...
                    )
                  File "/srv/app/app/calc.py", line 8, in compute
                    return compute(n - 1)
                           ^^^^^^^^^^^^^^
                  [Previous line repeated 996 more times]
                  File "<string>", line 1
                  File "/srv/app/app/calc.py", line 5, in compute
                    return a[i] / b
                           ~~~~~^~~
                RecursionError: maximum recursion depth exceeded""");
        Traceback tb = run().get(0);
        assertEquals("RecursionError", tb.exceptionType());
        assertEquals(List.of(
                new Frame("/srv/app/app/calc.py", 30, "<module>", "main()"),
                new Frame("/srv/app/app/calc.py", 20, "main", "total = compute("),
                new Frame("/srv/app/app/calc.py", 8, "compute", "return compute(n - 1)"),
                new Frame("<string>", 1, "", ""),
                new Frame("/srv/app/app/calc.py", 5, "compute", "return a[i] / b")), tb.frames());
        assertFalse(tb.truncated());
    }

    @Test
    void bareAndDottedExceptionTypes() {
        rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/app/cli.py", line 4, in <module>
                    time.sleep(60)
                KeyboardInterrupt
                Traceback (most recent call last):
                  File "/srv/app/app/db.py", line 4, in one
                    return q.one()
                orm_exc.NoResultFound: No row was found for one()
                Traceback (most recent call last):
                  File "/srv/app/app/http.py", line 4, in fetch
                    return requests.get(url)
                requests.exceptions.ConnectionError: HTTPConnectionPool(host='api', port=80): Max retries exceeded""");
        List<Traceback> tbs = run();
        assertEquals(List.of("KeyboardInterrupt", "orm_exc.NoResultFound", "requests.exceptions.ConnectionError"),
                tbs.stream().map(Traceback::exceptionType).toList());
        assertEquals(List.of("", "No row was found for one()", "HTTPConnectionPool(host='api', port=80): Max retries exceeded"),
                tbs.stream().map(Traceback::message).toList());
        assertFalse(tbs.stream().anyMatch(Traceback::truncated));
    }

    @Test
    void headerlessTailAtTheStartOfAnArchiveIsNoTraceback() {
        rows.addLines(WEB, APP, """
                  File "/srv/app/app/views.py", line 42, in get_user
                    user = User.objects.get(id=user_id)
                KeyError: 'id'
                20286/MainThread INFO app.views: GET /health""");
        assertEquals(List.of(), run());
    }

    @Test
    void longContextRowIsCutWhenKept() {
        String huge = "20286/MainThread INFO app: payload " + "x".repeat(200_000);
        rows.add(WEB, APP, huge);
        rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/app/main.py", line 1, in <module>
                MemoryError""");
        ContextLine line = run().get(0).context().get(0);
        assertEquals(ContextBuffer.MAX_KEPT_CHARS + ContextBuffer.CUT_NOTE.length(), line.message().length());
        assertTrue(line.message().endsWith("… [cut]"));
        assertTrue(line.message().startsWith("20286/MainThread INFO app: payload xxx"));
    }

    @Test
    void otherLanguagesGiveNoTracebackWhenOnlyPythonIsWanted() {
        TracebackAssembler pythonOnly = new TracebackAssembler(TracebackAssembler.DEFAULT_CONTEXT_ROWS,
                TraceOptions.DEFAULT.withLanguages(java.util.Set.of(Language.PYTHON)), out::add, p -> { });
        rows.addLines(WEB, "java-app", """
                java.lang.IllegalStateException: boom
                    at com.example.Foo.bar(Foo.java:10)
                Caused by: java.io.IOException: closed
                    ... 3 more""");
        rows.addLines(WEB, "go-app", """
                panic: runtime error: index out of range
                goroutine 1 [running]:
                main.main()
                	/app/main.go:9 +0x1d""");
        rows.feed(pythonOnly);
        pythonOnly.finish();
        assertEquals(List.of(), out);
    }

    @Test
    void textThatMerelyMentionsExceptionsOrAtStaysRows() {
        rows.addLines(WEB, APP, """
                ERROR java.lang.IllegalStateException: boom (logged without a stack trace)
                    at the meeting we decided to retry at 10:30
                Exception in thread "main" is what the user pasted
                  at home (see ticket 12)
                panic: disk almost full
                we saw goroutine leaks yesterday
                	from the dashboard, at noon
                System.Exception: ignored
                   at noon we restarted (twice)""");
        assertEquals(List.of(), run());
    }

    @Test
    void decodesOnlyRowsOfOpenTracebacksOrWithAHeader() {
        foreign(100);
        rows.add(WEB, APP, "20286/MainThread INFO app: fine");
        rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/app/main.py", line 1, in <module>
                ZeroDivisionError: division by zero
                20286/MainThread INFO app: after""");
        foreign(100);
        rows.add(WEB, APP, "20286/MainThread INFO app: later");
        run();
        // Header, frame, exception line, and the row that ended the traceback.
        assertEquals(4, rows.decodes());
        assertEquals(1, out.size());
    }

    @Test
    void lineAfterHeaderIsNoExceptionBeforeAnyFrame() {
        rows.add(WEB, APP, "Traceback (most recent call last):");
        rows.add(WEB, APP, "INFO: worker booted");
        Traceback tb = run().get(0);
        assertTrue(tb.truncated());
        assertEquals("", tb.exceptionType());
        assertEquals("Traceback (most recent call last):", tb.text());
    }

    @Test
    void bareHeaderWithPrefixedContinuationLearnsThePrefixFromTheFirstFrame() {
        rows.addLines("docker-host", "compose", """
                Traceback (most recent call last):
                worker-2  |   File "/app/app/tasks.py", line 12, in run
                worker-2  |     do()
                worker-2  | RuntimeError: failed
                worker-2  | INFO done""");
        Traceback tb = run().get(0);
        assertEquals("RuntimeError", tb.exceptionType());
        assertEquals(List.of(new Frame("/app/app/tasks.py", 12, "run", "do()")), tb.frames());
        assertEquals("""
                Traceback (most recent call last):
                  File "/app/app/tasks.py", line 12, in run
                    do()
                RuntimeError: failed""", tb.text());
        assertFalse(tb.truncated());
    }

    @Test
    void remoteTracebackPrintedWithoutHeaderGivesItsInnerAndOuterTracebacks() {
        rows.addLines(WEB, APP, """
                concurrent.futures.process._RemoteTraceback:\s
                \"""
                Traceback (most recent call last):
                  File "/usr/lib/python3.11/concurrent/futures/process.py", line 256, in _process_worker
                    r = call_item.fn(*call_item.args, **call_item.kwargs)
                  File "/srv/app/app/resize.py", line 7, in resize
                    raise ValueError("bad image")
                ValueError: bad image
                \"""

                The above exception was the direct cause of the following exception:

                Traceback (most recent call last):
                  File "/srv/app/app/jobs.py", line 30, in run
                    fut.result()
                ValueError: bad image
                20286/MainThread INFO app: next""");
        List<Traceback> tbs = run();
        // The first line is no header: the inner traceback ends at its closing quotes, the outer stands alone.
        assertEquals(List.of("ValueError", "ValueError"), tbs.stream().map(Traceback::exceptionType).toList());
        assertEquals("resize", tbs.get(0).frames().get(1).function());
        assertEquals("bad image", tbs.get(0).message());
        assertEquals("run", tbs.get(1).frames().get(0).function());
        assertEquals(List.of(), tbs.get(1).causes());
    }

    @Test
    void remoteTracebackInTripleQuotesWithinAChainStaysInItsMessage() {
        rows.addLines(WEB, APP, """
                Traceback (most recent call last):
                  File "/srv/app/app/jobs.py", line 20, in submit
                    pool.submit(resize, path)
                OSError: pool broken

                During handling of the above exception, another exception occurred:

                multiprocessing.pool.RemoteTraceback:\s
                \"""
                Traceback (most recent call last):
                  File "/srv/app/app/resize.py", line 7, in resize
                ValueError: bad image
                \"""
                20286/MainThread INFO app: next""");
        List<Traceback> tbs = run();
        assertEquals(1, tbs.size());
        Traceback tb = tbs.get(0);
        assertEquals("multiprocessing.pool.RemoteTraceback", tb.exceptionType());
        assertEquals("\n\"\"\"\nTraceback (most recent call last):\n  File \"/srv/app/app/resize.py\", line 7, in resize\n"
                + "ValueError: bad image\n\"\"\"", tb.message());
        assertEquals("OSError", tb.causes().get(0).exceptionType());
        assertFalse(tb.truncated());
    }

    @Test
    void rsyslogCarriageReturnsAreDropped() {
        rows.add(WEB, APP, "Traceback (most recent call last):#015#012  File \"C:\\app\\main.py\", line 3, in <module>#015#012"
                + "    main()#015#012ValueError: bad#015");
        Traceback tb = run().get(0);
        assertEquals("ValueError", tb.exceptionType());
        assertEquals("bad", tb.message());
        assertEquals(new Frame("C:\\app\\main.py", 3, "<module>", "main()"), tb.frames().get(0));
    }

    @Test
    void framesAtColumnZeroBetweenForeignRows() {
        long header = rows.add("vdsm-7", "vdsm", "MainThread::ERROR::2011-12-05 07:04:56,300::vdsm::74::vds::(run) Traceback (most recent call last):");
        foreign(5);
        rows.add("vdsm-7", "vdsm", "File \"/usr/share/vdsm/vdsm\", line 72, in run");
        foreign(5);
        rows.add("vdsm-7", "vdsm", "    serve_clients(log)");
        rows.add("vdsm-7", "vdsm", "File \"/usr/share/vdsm/clientIF.py\", line 111, in __init__");
        rows.add("vdsm-7", "vdsm", "    self._libvirt = libvirtconnection.get()");
        long last = rows.add("vdsm-7", "vdsm", "libvirtError: Failed to connect socket");
        foreign(5);
        rows.add("vdsm-7", "vdsm", "Thread-15::DEBUG::2011-12-07 11:44:17,737::clientIF::54::vds::(wrapper) call getVdsCapabilities");
        Traceback tb = run().get(0);
        assertEquals(header, tb.firstId());
        assertEquals(last, tb.id());
        assertEquals("libvirtError", tb.exceptionType());
        assertEquals(List.of(new Frame("/usr/share/vdsm/vdsm", 72, "run", "serve_clients(log)"),
                new Frame("/usr/share/vdsm/clientIF.py", 111, "__init__", "self._libvirt = libvirtconnection.get()")), tb.frames());
        assertFalse(tb.truncated());
    }

    @Test
    void tracebacksWhoseHeadersShareARowAreToldApartByOrdinal() {
        long header = rows.add(WEB, APP, "20286/MainThread ERROR app.jobs: failed - Traceback (most recent call last):"
                + "#012  File \"/srv/app/app/jobs.py\", line 8, in run#012ValueError: one"
                + "#012Traceback (most recent call last):#012  File \"/srv/app/app/jobs.py\", line 9, in run"
                + "#012KeyError: two");
        rows.add(WEB, APP, "20286/MainThread INFO app.jobs: idle");

        List<Traceback> tbs = run();

        assertEquals(List.of("ValueError", "KeyError"), tbs.stream().map(Traceback::exceptionType).toList());
        assertEquals(List.of(header, header), tbs.stream().map(Traceback::firstId).toList());
        assertEquals(List.of(0, 1), tbs.stream().map(Traceback::ordinal).toList());
        for (Traceback t : tbs) {
            assertEquals("python", t.language());
            assertEquals(List.of(LineKind.HEADER, LineKind.OWN_FRAME, LineKind.EXCEPTION), t.lineKinds());
        }
    }
}
