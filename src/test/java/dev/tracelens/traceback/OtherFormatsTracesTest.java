package dev.tracelens.traceback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelens.archive.ReadProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real runtimes' traces in the formats besides Papertrail's. Plain-text syslog files: the trace's
 * lines bare after its record's line (the text reader makes them one row). And traces carried inside JSON-lines records, their newlines escaped as {@code \n} in the JSON text:
 * the whole trace in the {@code "message"} after the log message (as logback's JSON encoders and
 * pino write), or the message in {@code "message"} and the trace in {@code "exc_info"} /
 * {@code "stack_trace"} (python-json-logger, logstash-logback-encoder). The traces are what the real
 * runtimes printed (the JDK, {@code node} and {@code python3} run here; Go and Ruby recorded, .NET
 * typed, see {@code runtimes/README.md}); other hosts' records come between them. Each must be one
 * traceback of its language, from the right host, with the record's message as its context.
 */
class OtherFormatsTracesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Trace(String language, String text, String type) {
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = OtherFormatsTracesTest.class.getResourceAsStream("runtimes/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the runtime finished");
        return out.strip();
    }

    private List<Trace> traces() throws Exception {
        List<Trace> out = new ArrayList<>();
        Files.writeString(dir.resolve("Pay.java"), """
                public class Pay {
                    static void charge() { throw new IllegalArgumentException("negative amount"); }
                    public static void main(String[] args) {
                        try {
                            try { charge(); } catch (RuntimeException e) { throw new IllegalStateException("payment failed", e); }
                        } catch (RuntimeException e) { e.printStackTrace(); }
                    }
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        out.add(new Trace("java", run(java, "Pay.java"), "java.lang.IllegalStateException"));
        if (RealRuntimeTracesTest.hasProgram("node")) {
            Files.writeString(dir.resolve("app.js"), """
                    function load() { throw new TypeError('bad input', { cause: new Error('disk full') }); }
                    try { load(); } catch (e) { console.error(e); }
                    """);
            out.add(new Trace("node", run("node", "app.js"), "TypeError"));
        }
        if (RealRuntimeTracesTest.hasProgram("python3")) {
            Files.writeString(dir.resolve("app.py"), """
                    import traceback
                    def parse(s):
                        return int(s)
                    try:
                        try:
                            parse("x")
                        except ValueError as e:
                            raise RuntimeError("bad order") from e
                    except RuntimeError:
                        traceback.print_exc()
                    """);
            out.add(new Trace("python", run("python3", "app.py"), "RuntimeError"));
        }
        out.add(new Trace("go", fixture("go-panic.txt"), "panic"));
        out.add(new Trace("go", fixture("go-sigquit-idle.txt"), "SIGQUIT"));
        out.add(new Trace("ruby", fixture("ruby-cause.txt"), "ArgumentError"));
        out.add(new Trace("dotnet", fixture("dotnet-inner.txt"), "System.InvalidOperationException"));
        return out;
    }

    /** Writes one record per trace (with {@code field} holding it) and other hosts' records around each. */
    private List<Traceback> scan(List<Trace> traces, String field) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        Instant t = Instant.parse("2026-12-03T07:00:00Z");
        for (int i = 0; i < traces.size(); i++) {
            jsonl.append(record(t, "web-" + (i % 2), "nginx", "GET /health 200", null, null)).append('\n');
            t = t.plusMillis(50);
            jsonl.append(record(t, "app-" + i, "svc", "INFO handling order " + i, null, null)).append('\n');
            t = t.plusMillis(50);
            Trace trace = traces.get(i);
            jsonl.append(field.equals("message")
                    ? record(t, "app-" + i, "svc", "order " + i + " failed\n" + trace.text(), null, null)
                    : record(t, "app-" + i, "svc", "order " + i + " failed", field, trace.text())).append('\n');
            t = t.plusMillis(50);
            jsonl.append(record(t, "web-" + (i % 2), "nginx", "GET /orders 500", null, null)).append('\n');
            jsonl.append(record(t, "app-" + i, "svc", "INFO next order", null, null)).append('\n');
            t = t.plusSeconds(1);
        }
        Path file = dir.resolve("app-" + field + ".jsonl");
        Files.writeString(file, jsonl);
        assertTrue(Files.readString(file).contains("\\n"), "newlines are escaped in the JSON text");
        List<Traceback> out = new ArrayList<>();
        new TracebackScanner(TracebackAssembler.DEFAULT_CONTEXT_ROWS, TraceOptions.DEFAULT)
                .scan(List.of(file), out::add, ReadProgress.NONE);
        return out;
    }

    private static String record(Instant t, String host, String logger, String message, String field, String value)
            throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("timestamp", t.toString());
        n.put("hostname", host);
        n.put("logger", logger);
        n.put("level", "ERROR");
        n.put("message", message);
        if (field != null) {
            n.put(field, value);
        }
        return JSON.writeValueAsString(n);
    }

    private void check(List<Trace> traces, List<Traceback> found) {
        assertEquals(traces.stream().map(Trace::type).toList(), found.stream().map(Traceback::exceptionType).toList(),
                found.toString());
        for (int i = 0; i < traces.size(); i++) {
            Traceback tb = found.get(i);
            assertEquals(traces.get(i).language(), tb.language(), tb.text());
            assertEquals("app-" + i, tb.host());
            assertFalse(tb.truncated(), tb.text());
            assertFalse(tb.frames().isEmpty(), tb.text());
            assertFalse(tb.text().contains("INFO next order"), tb.text());
            assertFalse(tb.text().contains("GET /"), tb.text());
            String before = "handling order " + i;
            assertTrue(tb.context().stream().anyMatch(c -> c.message().contains(before)), tb.context().toString());
        }
    }

    @Test
    void traceInTheMessageAfterTheLogMessage() throws Exception {
        List<Trace> traces = traces();
        check(traces, scan(traces, "message"));
    }

    @Test
    void traceInExcInfo() throws Exception {
        List<Trace> traces = traces();
        check(traces, scan(traces, "exc_info"));
    }

    @Test
    void traceInStackTrace() throws Exception {
        List<Trace> traces = traces();
        check(traces, scan(traces, "stack_trace"));
    }

    @Test
    void traceInAPlainTextSyslogFile() throws Exception {
        List<Trace> traces = traces();
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < traces.size(); i++) {
            String at = "Dec  3 07:%02d:0".formatted(i);
            log.append(at).append("0 web-").append(i % 2).append(" nginx[80]: GET /health 200\n");
            log.append(at).append("1 app-").append(i).append(" svc[42]: INFO handling order ").append(i).append('\n');
            log.append(at).append("2 app-").append(i).append(" svc[42]: order ").append(i).append(" failed\n");
            log.append(traces.get(i).text()).append('\n');
            log.append(at).append("3 web-").append(i % 2).append(" nginx[80]: GET /orders 500\n");
            log.append(at).append("4 app-").append(i).append(" svc[42]: INFO next order\n");
        }
        Path file = dir.resolve("syslog.log");
        Files.writeString(file, log);
        List<Traceback> out = new ArrayList<>();
        new TracebackScanner(TracebackAssembler.DEFAULT_CONTEXT_ROWS, TraceOptions.DEFAULT)
                .scan(List.of(file), out::add, ReadProgress.NONE);
        check(traces, out);
    }

    @Test
    void everyLanguageIsCovered() throws Exception {
        assumeTrue(RealRuntimeTracesTest.hasProgram("node") && RealRuntimeTracesTest.hasProgram("python3"));
        assertEquals(List.of("java", "node", "python", "go", "go", "ruby", "dotnet"),
                traces().stream().map(Trace::language).toList());
    }
}
