package dev.tracelens.traceback;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprinterTest {

    /** Runs text (one row per line) through the assembler and returns the single traceback. */
    private static Traceback assemble(String text) {
        TestRows rows = new TestRows();
        List<Traceback> out = new ArrayList<>();
        TracebackAssembler assembler = new TracebackAssembler(0, out::add);
        rows.addLines("i-2ee330b7", "app-web", text);
        rows.feed(assembler);
        assembler.finish();
        assertEquals(1, out.size(), text);
        return out.get(0);
    }

    private static final String BASE = """
            Traceback (most recent call last):
              File "/home/deploy/wordstream_virtualenv/lib/python2.7/site-packages/django/core/handlers/base.py", line 111, in get_response
                response = callback(request, *callback_args, **callback_kwargs)
              File "/home/deploy/wordstream/ws/accounts/views.py", line 212, in account_detail
                account = Account.objects.get(pk=account_id)
              File "/home/deploy/wordstream/ws/accounts/models.py", line 88, in get
                return self._lookup(pk)
            ws.accounts.errors.AccountMissing: account 81723 not found (key='acc-81723')""";

    @Test
    void sameFailureWithOtherLineNumbersIdsPathsAndWrappersSharesTheFingerprint() {
        Traceback base = assemble(BASE);
        String variant = """
                Traceback (most recent call last):
                  File "/opt/venv/lib/python3.11/site-packages/django/core/handlers/base.py", line 197, in get_response
                    response = wrapped_callback(request, *callback_args, **callback_kwargs)
                  File "/opt/venv/lib/python3.11/site-packages/newrelic/hooks/framework_django.py", line 544, in wrapper
                    return wrapped(*args, **kwargs)
                  File "/usr/lib/python3.11/functools.py", line 35, in wrapper
                    return func(*args, **kwargs)
                  File "/srv/releases/20240101120000/ws/accounts/views.py", line 230, in account_detail
                    account = Account.objects.get(pk=account_id)
                  File "/srv/releases/20240101120000/ws/accounts/views.py", line 230, in account_detail
                    account = Account.objects.get(pk=account_id)
                  File "/opt/venv/lib/python3.11/site-packages/decorator.py", line 232, in fun
                    return caller(func, *(extras + args), **kw)
                  File "/srv/releases/20240101120000/ws/accounts/models.py", line 91, in get
                    return self._lookup(pk)
                ws.accounts.errors.AccountMissing: account 99 not found (key='acc-99')""";
        Traceback other = assemble(variant);
        assertEquals(base.fingerprint(), other.fingerprint(), base.fingerprintParts() + " vs " + other.fingerprintParts());
        assertEquals(List.of("type:ws.accounts.errors.AccountMissing", "frame:ws/accounts/views.py:account_detail",
                "frame:ws/accounts/models.py:get"), base.fingerprintParts());
        assertTrue(base.fingerprint().matches("[0-9a-f]{16}"), base.fingerprint());
    }

    @Test
    void windowsInterpreterPathsCountAsLibrary() {
        Traceback tb = assemble("""
                Traceback (most recent call last):
                  File "C:\\Python311\\Lib\\json\\decoder.py", line 337, in decode
                    obj, end = self.raw_decode(s, idx=_w(s, 0).end())
                  File "C:\\Python311\\Lib\\site-packages\\requests\\models.py", line 975, in json
                    raise RequestsJSONDecodeError(e.msg, e.doc, e.pos)
                requests.exceptions.JSONDecodeError: Expecting value: line 1 column 1 (char 0)""");
        assertEquals(List.of("type:requests.exceptions.JSONDecodeError",
                "message:Expecting value: line <num> column <num> (char <num>)"), tb.fingerprintParts(),
                "no own frame: type and masked message");
    }

    /**
     * The recipe is pinned: fixed inputs give these literal fingerprints on any JVM, machine or
     * run. A change of the recipe (parts, their order, the hash, its length) fails here, and
     * must come with a store format upgrade, because stored groups are keyed by it.
     */
    @Test
    void isStableAcrossRuns() {
        // First 16 hex digits of SHA-256 over the parts joined by newlines, e.g.
        // "type:ws.accounts.errors.AccountMissing\nframe:ws/accounts/views.py:account_detail\nframe:ws/accounts/models.py:get".
        assertEquals("e2352b1a80d39e43", assemble(BASE).fingerprint());
        assertEquals("ddb41f59c6d47c12", assemble(BASE.replace("in account_detail", "in account_list")).fingerprint());
        assertEquals("1340b9583bc7bef4",
                Fingerprinter.of(new ParsedTraceback("ValueError", "x", List.of(), List.of()), false).hash(),
                "type:ValueError\nmessage:x");
    }

    @Test
    void otherCallSiteOrTypeOrCauseGivesAnotherFingerprint() {
        Traceback base = assemble(BASE);
        Traceback otherSite = assemble(BASE.replace("in account_detail", "in account_list"));
        Traceback otherFile = assemble(BASE.replace("ws/accounts/models.py", "ws/billing/models.py"));
        Traceback otherType = assemble(BASE.replace("ws.accounts.errors.AccountMissing:", "KeyError:"));
        Traceback withCause = assemble("""
                Traceback (most recent call last):
                  File "/srv/app/ws/accounts/cache.py", line 5, in get
                KeyError: 81723

                During handling of the above exception, another exception occurred:

                """ + BASE);
        List<String> prints = List.of(base.fingerprint(), otherSite.fingerprint(), otherFile.fingerprint(),
                otherType.fingerprint(), withCause.fingerprint());
        assertEquals(prints.size(), prints.stream().distinct().count(), prints.toString());
        assertEquals("cause:KeyError", withCause.fingerprintParts().get(1));
    }

    @Test
    void groupsByTypeAndMaskedMessageWhenThereIsNoAppFrame() {
        Traceback tb = assemble("""
                Traceback (most recent call last):
                  File "/usr/lib/python3.11/runpy.py", line 198, in _run_module_as_main
                  File "/usr/local/lib/python3.11/dist-packages/celery/app/trace.py", line 451, in trace_task
                  File "/usr/local/lib/python3.11/dist-packages/newrelic/hooks/application_celery.py", line 84, in wrapper
                  File "/usr/local/lib/python3.11/dist-packages/celery/app/trace.py", line 734, in __protected_call__
                celery.exceptions.SoftTimeLimitExceeded: SoftTimeLimitExceeded()""");
        assertEquals(List.of("type:celery.exceptions.SoftTimeLimitExceeded", "message:SoftTimeLimitExceeded()"),
                tb.fingerprintParts());
    }

    /** Only library frames: the same failure reached through other library calls is one group, another message another. */
    @Test
    void libraryOnlyTracebacksGroupByMessageNotByLibraryFrames() {
        String one = """
                Traceback (most recent call last):
                  File "/usr/lib/python3.11/site-packages/redis/client.py", line 12, in execute
                  File "/usr/lib/python3.11/site-packages/redis/connection.py", line 80, in connect
                redis.exceptions.ConnectionError: Error 111 connecting to 10.0.3.7:6379. Connection refused.""";
        String viaOtherCall = """
                Traceback (most recent call last):
                  File "/usr/lib/python3.11/site-packages/redis/client.py", line 40, in pipeline_execute
                  File "/usr/lib/python3.11/site-packages/redis/connection.py", line 80, in connect
                redis.exceptions.ConnectionError: Error 111 connecting to 10.0.9.1:6380. Connection refused.""";
        String otherMessage = one.replace("Connection refused.", "Name or service not known.");
        Traceback a = assemble(one);
        assertEquals(a.fingerprint(), assemble(viaOtherCall).fingerprint());
        assertNotEquals(a.fingerprint(), assemble(otherMessage).fingerprint());
        assertEquals(List.of("type:redis.exceptions.ConnectionError",
                "message:Error <num> connecting to <num>:<num>. Connection refused."), a.fingerprintParts());
    }

    /** Two modules of one name in different packages are two groups (the last two components made them one). */
    @Test
    void sameNamedModulesInDifferentPackagesAreTwoGroups() {
        String billing = """
                Traceback (most recent call last):
                  File "/srv/app/billing/api/views.py", line 12, in get
                KeyError: 'order'""";
        Traceback a = assemble(billing);
        Traceback b = assemble(billing.replace("billing/api", "shop/api"));
        assertNotEquals(a.fingerprint(), b.fingerprint());
        assertEquals(List.of("type:KeyError", "frame:billing/api/views.py:get"), a.fingerprintParts());
        assertEquals(List.of("type:KeyError", "frame:shop/api/views.py:get"), b.fingerprintParts());
        // ... while deploy roots still do not count: another checkout, a release folder, a path-like --in-app.
        assertEquals(a.fingerprint(), assemble(billing.replace("/srv/app/", "/home/deploy/app/")).fingerprint());
        assertEquals(a.fingerprint(), assemble(billing.replace("/srv/app/", "/var/www/releases/20240101120000/")).fingerprint());
        assertEquals("billing/api/views.py", AppPath.of("/data/svc/billing/api/views.py", new InApp(List.of("/data/svc"))));
        assertEquals("data/svc/billing/api/views.py", AppPath.of("/data/svc/billing/api/views.py", InApp.NONE));
    }

    @Test
    void recursionDepthDoesNotSplitGroups() {
        String frame = "  File \"/srv/app/app/tree.py\", line 9, in walk\n    return walk(node.parent)\n";
        Traceback deep = assemble("Traceback (most recent call last):\n" + frame.repeat(40) + "RecursionError: maximum recursion depth exceeded");
        Traceback shallow = assemble("Traceback (most recent call last):\n" + frame.repeat(3) + "RecursionError: maximum recursion depth exceeded");
        assertEquals(shallow.fingerprint(), deep.fingerprint());
        assertEquals(List.of("type:RecursionError", "frame:app/tree.py:walk"), deep.fingerprintParts());
    }

    @Test
    void frameLessTracebacksUseTheMaskedMessage() {
        Fingerprint a = Fingerprinter.of(new ParsedTraceback("OperationalError",
                "could not connect to server at \"10.0.0.5\", port 5432", List.of(), List.of()), false);
        Fingerprint b = Fingerprinter.of(new ParsedTraceback("OperationalError",
                "could not connect to server at \"10.0.0.9\", port 6432", List.of(), List.of()), false);
        Fingerprint c = Fingerprinter.of(new ParsedTraceback("OperationalError", "database is locked", List.of(), List.of()), false);
        assertEquals(a.hash(), b.hash());
        assertNotEquals(a.hash(), c.hash());
        assertEquals(List.of("type:OperationalError", "message:could not connect to server at <str>, port <num>"), a.parts());
    }

    @Test
    void headerOnlyTracebacksGroupTogether() {
        Traceback a = assemble("Traceback (most recent call last):");
        Traceback b = assemble("Traceback (most recent call last):\n20286/MainThread INFO app: other");
        assertEquals(List.of("type:", "truncated"), a.fingerprintParts());
        assertEquals(a.fingerprint(), b.fingerprint());
    }

    @Test
    void masksValuesInMessages() {
        assertEquals("object at <hex> has no key <str> in <path> line <num>",
                MessageMask.of("object at 0x7f3a2c1b9d60 has no key 'user:17' in /srv/app/data.json line 12"));
        assertEquals("request <uuid> for <id> failed after <num> ms (etag <hex>)",
                MessageMask.of("request 3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b for ord_12ab34 failed after 1500 ms (etag deadbeef42)"));
        assertEquals("cannot open <path>: <str>", MessageMask.of("cannot open C:\\data\\in\\x.csv: \"denied\""));
        assertEquals("user <num> not found", MessageMask.of("user   -12 not found"));
        assertEquals("base64 and utf8 stay words", MessageMask.of("base64 and utf8 stay words"));
    }
}
