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
        assertEquals(List.of("type:ws.accounts.errors.AccountMissing", "frame:accounts/views.py:account_detail",
                "frame:accounts/models.py:get"), base.fingerprintParts());
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
        assertEquals(List.of("type:requests.exceptions.JSONDecodeError", "frame:json/decoder.py:decode",
                "frame:requests/models.py:json"), tb.fingerprintParts());
    }

    /**
     * The recipe is pinned: fixed inputs give these literal fingerprints on any JVM, machine or
     * run. A change of the recipe (parts, their order, the hash, its length) fails here, and
     * must come with a store format upgrade, because stored groups are keyed by it.
     */
    @Test
    void isStableAcrossRuns() {
        // First 16 hex digits of SHA-256 over the parts joined by newlines, e.g.
        // "type:ws.accounts.errors.AccountMissing\nframe:accounts/views.py:account_detail\nframe:accounts/models.py:get".
        assertEquals("d17cc11e71d8a9f5", assemble(BASE).fingerprint());
        assertEquals("76ddfca782f36951", assemble(BASE.replace("in account_detail", "in account_list")).fingerprint());
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
    void usesAllNonWrapperFramesWhenThereIsNoAppFrame() {
        Traceback tb = assemble("""
                Traceback (most recent call last):
                  File "/usr/lib/python3.11/runpy.py", line 198, in _run_module_as_main
                  File "/usr/local/lib/python3.11/dist-packages/celery/app/trace.py", line 451, in trace_task
                  File "/usr/local/lib/python3.11/dist-packages/newrelic/hooks/application_celery.py", line 84, in wrapper
                  File "/usr/local/lib/python3.11/dist-packages/celery/app/trace.py", line 734, in __protected_call__
                celery.exceptions.SoftTimeLimitExceeded: SoftTimeLimitExceeded()""");
        assertEquals(List.of("type:celery.exceptions.SoftTimeLimitExceeded", "frame:runpy.py:_run_module_as_main",
                "frame:celery/app/trace.py:trace_task", "frame:celery/app/trace.py:__protected_call__"), tb.fingerprintParts());
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
        assertEquals(List.of("type:OperationalError", "message:could not connect to server at '*', port #"), a.parts());
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
        assertEquals("object at # has no key '*' in /* line #",
                Fingerprinter.maskMessage("object at 0x7f3a2c1b9d60 has no key 'user:17' in /srv/app/data.json line 12"));
    }
}
