package dev.tracelens.traceback;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Traces recorded once from Go and Ruby (and .NET's documented shape), see
 * {@code src/test/resources/dev/tracelens/traceback/runtimes/README.md}, laid into Papertrail rows
 * with other hosts' rows in between and scanned by the real engine.
 */
class RecordedRuntimeTracesTest {
    @TempDir
    Path dir;

    private static String fixture(String name) throws IOException {
        try (InputStream in = RecordedRuntimeTracesTest.class.getResourceAsStream("runtimes/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private List<Traceback> scan(String program, String name) throws IOException {
        return new PapertrailArchive().row("api-1", program, "INFO serving")
                .lines("api-1", program, fixture(name)).row("api-1", program, "INFO restarted").scan(dir, TraceOptions.DEFAULT);
    }

    @Test
    void goRuntimeErrorInAGoroutine() throws IOException {
        List<Traceback> tbs = scan("orders", "go-panic.txt");
        assertEquals(1, tbs.size());
        Traceback t = tbs.getFirst();
        assertEquals("go", t.language());
        assertEquals("panic", t.exceptionType());
        assertEquals("runtime error: index out of range [2] with length 2", t.message());
        assertEquals(List.of("main.process", "main.(*Order).Third"), t.frames().stream().map(Frame::function).toList());
        assertEquals(List.of("type:panic", "frame:main.process", "frame:main.(*Order).Third",
                "message:runtime error: index out of range [<num>] with length <num>"), t.fingerprintParts());
        assertEquals(LineKind.HEADER, t.lineKinds().get(2));
        assertEquals(LineKind.OWN_FRAME, t.lineKinds().get(3));
        assertEquals(LineKind.OWN_CODE, t.lineKinds().get(4));
    }

    @Test
    void goRecoveredAndRepanicked() throws IOException {
        Traceback t = scan("loader", "go-repanic.txt").getFirst();
        assertEquals("assignment to entry in nil map", t.message());
        assertEquals(List.of("main.main", "main.load", "panic", "main.load.func1"), t.frames().stream().map(Frame::function).toList());
        assertTrue(t.fingerprintParts().contains("frame:main.load.func"), t.fingerprintParts().toString());
        assertTrue(t.fingerprintParts().stream().noneMatch(p -> p.equals("frame:panic")));
        assertEquals(LineKind.LIBRARY_FRAME, t.lines().stream().filter(l -> l.text().startsWith("panic(")).findFirst().orElseThrow().kind());
    }

    @Test
    void goDeadlockWithoutPanicLine() throws IOException {
        List<Traceback> tbs = scan("queue", "go-deadlock.txt");
        assertEquals(1, tbs.size());
        Traceback t = tbs.getFirst();
        assertEquals("go", t.language());
        assertEquals("fatal error", t.exceptionType());
        assertEquals("all goroutines are asleep - deadlock!", t.message());
        assertEquals(List.of("main.main", "main.(*Queue).Drain"), t.frames().stream().map(Frame::function).toList());
        assertFalse(t.truncated());
    }

    @Test
    void goSigquitDumpIsOneTraceGroupedByTheRunningGoroutine() throws IOException {
        // The same stuck program dumped twice: once the signal hit the busy goroutine's thread (it
        // is printed first, [running]), once an idle thread (goroutine 0 [idle] first, the busy one
        // further down as [runnable]). Both are the one bug "Checksum never returns".
        Traceback running = only(scan("indexer", "go-sigquit-running.txt"));
        Traceback idle = only(scan("indexer", "go-sigquit-idle.txt"));
        for (Traceback t : List.of(running, idle)) {
            assertEquals("go", t.language());
            assertEquals("SIGQUIT", t.exceptionType());
            assertEquals("quit", t.message());
            assertTrue(t.frames().stream().anyMatch(f -> f.function().equals("main.Checksum")), t.frames().toString());
            // the whole dump, registers included, is the trace; the next row is not
            assertTrue(t.text().contains("goroutine 1 [sleep]:"), t.text());
            assertTrue(t.text().strip().endsWith("gs     0x0"), t.text());
            assertFalse(t.text().contains("INFO restarted"));
        }
        assertEquals(List.of("type:SIGQUIT", "frame:main.main.func", "frame:main.Checksum", "message:quit"),
                running.fingerprintParts());
        assertEquals(running.fingerprint(), idle.fingerprint(), running.fingerprintParts() + " vs " + idle.fingerprintParts());
    }

    private static Traceback only(List<Traceback> tbs) {
        assertEquals(1, tbs.size(), tbs.toString());
        return tbs.getFirst();
    }

    @Test
    void rubyWithItsCause() throws IOException {
        List<Traceback> tbs = scan("shop", "ruby-cause.txt");
        assertEquals(1, tbs.size());
        Traceback t = tbs.getFirst();
        assertEquals("ruby", t.language());
        assertEquals("ArgumentError", t.exceptionType());
        assertEquals("checkout failed", t.message());
        assertEquals(List.of("<main>", "checkout", "rescue in checkout"), t.frames().stream().map(Frame::function).toList());
        assertEquals("KeyError", t.causes().getFirst().exceptionType());
        assertEquals("key not found: :price", t.causes().getFirst().message());
        assertEquals(LineKind.CHAIN, t.lines().stream().filter(l -> l.text().contains("(KeyError)")).findFirst().orElseThrow().kind());
    }

    @Test
    void dotnetInnerExceptionAndAsyncFrames() throws IOException {
        List<Traceback> tbs = scan("Acme.Shop", "dotnet-inner.txt");
        assertEquals(1, tbs.size());
        Traceback t = tbs.getFirst();
        assertEquals("dotnet", t.language());
        assertEquals("System.InvalidOperationException", t.exceptionType());
        assertEquals("Could not place order 17", t.message());
        assertEquals("System.Collections.Generic.KeyNotFoundException", t.causes().getFirst().exceptionType());
        assertEquals(new Frame("C:\\src\\Acme.Shop\\Inventory.cs", 42, "Acme.Shop.Inventory.Reserve", ""),
                t.causes().getFirst().frames().get(1));
        assertEquals(List.of("type:System.InvalidOperationException", "cause:System.Collections.Generic.KeyNotFoundException",
                "frame:Acme.Shop.Program.<>c.<<Main>b__>d.MoveNext", "frame:Acme.Shop.OrderService.<PlaceAsync>d__.MoveNext",
                "frame:Acme.Shop.Inventory.Reserve"), t.fingerprintParts());
        assertNotEquals(LineKind.OTHER, t.lineKinds().get(1));
    }
}
