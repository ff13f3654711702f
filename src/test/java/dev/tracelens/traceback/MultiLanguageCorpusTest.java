package dev.tracelens.traceback;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The multi-language corpus (real traces from a public test suite, see its SOURCES.md): each file
 * laid into rows one line per row, with another host's rows between every two, and once more as
 * one row with rsyslog's escapes ({@code #012}, {@code #011}).
 */
class MultiLanguageCorpusTest {

    private static Path file(String name) {
        String dir = System.getProperty("tracelens.corpus");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "corpus folder missing: " + dir);
        return Path.of(dir, "multi-language", name);
    }

    private static String text(String... names) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(Files.readString(file(n), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** One row per line, another host's row after each, then a log line of the same source. */
    static List<Traceback> rowPerLine(String text) {
        TestRows rows = new TestRows();
        List<Traceback> out = new ArrayList<>();
        TracebackAssembler assembler = new TracebackAssembler(TracebackAssembler.DEFAULT_CONTEXT_ROWS, out::add);
        rows.add("app-1", "svc", "INFO request started");
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        int i = 0;
        for (String line : body.split("\n", -1)) {
            rows.add("app-1", "svc", line);
            rows.add("other-" + (i++ % 3), "nginx", "GET /health 200 at 12:00");
        }
        rows.add("app-1", "svc", "INFO request finished");
        rows.feed(assembler);
        assembler.finish();
        return out.stream().filter(t -> t.host().equals("app-1")).toList();
    }

    /** The whole text in one row, as rsyslog escapes it. */
    static List<Traceback> oneRow(String text) {
        TestRows rows = new TestRows();
        List<Traceback> out = new ArrayList<>();
        TracebackAssembler assembler = new TracebackAssembler(TracebackAssembler.DEFAULT_CONTEXT_ROWS, out::add);
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        rows.add("app-1", "svc", "ERROR failed: " + body.replace("\t", "#011").replace("\n", "#012"));
        rows.add("app-1", "svc", "INFO next");
        rows.feed(assembler);
        assembler.finish();
        return out;
    }

    private static List<String> types(List<Traceback> tbs) {
        return tbs.stream().map(Traceback::exceptionType).toList();
    }

    @Test
    void javaWithCausedByAndCommonFramesOmitted() throws IOException {
        for (List<Traceback> tbs : List.of(rowPerLine(text("complex_java_exc.txt")), oneRow(text("complex_java_exc.txt")))) {
            assertEquals(List.of("javax.servlet.ServletException"), types(tbs));
            Traceback t = tbs.getFirst();
            assertEquals("java", t.language());
            assertEquals("Something bad happened", t.message());
            assertEquals(20, t.frames().size());
            assertEquals("org.mortbay.thread.QueuedThreadPool$PoolThread.run", t.frames().getFirst().function());
            assertEquals(new Frame("OpenSessionInViewFilter.java", 60,
                    "com.example.myproject.OpenSessionInViewFilter.doFilter", ""), t.frames().getLast());
            assertEquals(List.of("com.example.myproject.MyProjectServletException"),
                    t.causes().stream().map(ChainedException::exceptionType).toList());
            assertEquals(6, t.causes().getFirst().frames().size());
            assertFalse(t.truncated());
            assertEquals(t.text().lines().count(), t.lineKinds().size());
            assertEquals(LineKind.EXCEPTION, t.lineKinds().getFirst());
            assertEquals(LineKind.OWN_FRAME, t.lineKinds().get(1));
            assertEquals(LineKind.LIBRARY_FRAME, t.lineKinds().get(2));
            assertEquals(LineKind.ELISION, t.lineKinds().getLast());
            assertTrue(t.fingerprintParts().contains("frame:com.example.myproject.MyServlet.doPost"), t.fingerprintParts().toString());
            assertTrue(t.fingerprintParts().stream().noneMatch(p -> p.contains("mortbay")));
        }
    }

    @Test
    void javaNestedMessagesOverSeveralLines() throws IOException {
        List<Traceback> tbs = rowPerLine(text("nested_java_exc.txt"));
        assertEquals(List.of("java.lang.RuntimeException"), types(tbs));
        Traceback t = tbs.getFirst();
        assertTrue(t.message().startsWith("javax.mail.SendFailedException: Invalid Addresses;\nnested exception is:\n"), t.message());
        assertEquals(List.of("javax.mail.SendFailedException", "com.sun.mail.smtp.SMTPAddressFailedException"),
                t.causes().stream().map(ChainedException::exceptionType).toList());
        assertEquals(12, t.frames().size());
        assertTrue(t.text().endsWith("Caused by: com.sun.mail.smtp.SMTPAddressFailedException: 550 5.7.1 <[REDACTED_EMAIL_ADDRESS]>... Relaying denied"));
        // lambda numbers never count
        assertTrue(t.fingerprintParts().contains("frame:com.nethunt.crm.api.server.adminsync.AutomaticEmailFacade.lambda$sendSingleEmail"),
                t.fingerprintParts().toString());
    }

    @Test
    void javaAfterALogPrefixAndContinuedInTheNextRows() throws IOException {
        List<Traceback> tbs = rowPerLine(text("java_exc_part1.txt", "java_exc_part2.txt"));
        assertEquals(List.of("RuntimeException"), types(tbs));
        Traceback t = tbs.getFirst();
        assertEquals("Run from this message!", t.message());
        assertEquals(5, t.frames().size());
        assertTrue(t.text().startsWith("RuntimeException: Run from this message!\n  at com.my.app.Object.do$a1(MakeLog.java:50)"));
    }

    @Test
    void arbitraryTextIsNoTrace() throws IOException {
        assertEquals(List.of(), rowPerLine(text("arbitrary_text.txt")));
        assertEquals(List.of(), oneRow(text("arbitrary_text.txt")));
    }

    @Test
    void nodeAndV8Traces() throws IOException {
        List<Traceback> node = rowPerLine(text("node_js_exc.txt"));
        assertEquals(List.of("ReferenceError"), types(node));
        assertEquals("node", node.getFirst().language());
        assertEquals("myArray is not defined", node.getFirst().message());
        assertEquals(10, node.getFirst().frames().size());
        assertEquals(List.of("frame:app.js:"), node.getFirst().fingerprintParts().subList(1, 2));
        List<Traceback> client = rowPerLine(text("client_js_exc.txt"));
        assertEquals(List.of("Error"), types(client));
        assertEquals(5, client.getFirst().frames().size());
        List<Traceback> v8 = rowPerLine(text("v8_js_exc.txt"));
        assertEquals(1, v8.size());
        assertEquals(6, v8.getFirst().frames().size());
        assertEquals(oneRow(text("node_js_exc.txt")).getFirst().frames(), node.getFirst().frames());
    }

    @Test
    void goPanicsAndGoroutineDumps() throws IOException {
        List<Traceback> dump = rowPerLine(text("go_exc.txt"));
        assertEquals(List.of("panic"), types(dump));
        Traceback t = dump.getFirst();
        assertEquals("go", t.language());
        assertEquals("my panic", t.message());
        // the goroutine that panicked, outermost first; the other goroutines stay in the text only
        assertEquals(List.of("runtime.goexit", "main.main.func1", "panic"), t.frames().stream().map(Frame::function).toList());
        assertTrue(t.text().contains("goroutine 3 [GC sweep wait]:"));
        assertTrue(t.text().endsWith("/usr/local/go/src/runtime/mgc.go:216 +0x58"), t.text());
        assertEquals(List.of("type:panic", "frame:main.main.func", "message:my panic"), t.fingerprintParts());

        List<Traceback> http = rowPerLine(text("go_http.txt"));
        assertEquals(List.of("panic"), types(http));
        assertEquals("test panic", http.getFirst().message());
        assertTrue(http.getFirst().fingerprintParts().contains("frame:main.doPanic"), http.getFirst().fingerprintParts().toString());
        assertEquals(List.of("panic"), types(rowPerLine(text("go_on_gae_exc.txt"))));
        List<Traceback> signal = rowPerLine(text("go_signal_exc.txt"));
        assertEquals("runtime error: invalid memory address or nil pointer dereference", signal.getFirst().message());
        assertEquals(List.of("panics.Wait", "panics.nilPtrDereference"),
                signal.getFirst().frames().stream().map(Frame::function).toList());
    }

    @Test
    void pythonIsStillPython() throws IOException {
        List<Traceback> py = rowPerLine(text("python_exc.txt"));
        assertEquals(List.of("Exception"), types(py));
        assertEquals("python", py.getFirst().language());
    }
}
