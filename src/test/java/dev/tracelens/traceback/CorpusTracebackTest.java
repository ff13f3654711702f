package dev.tracelens.traceback;

import dev.tracelens.TestCorpus;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Real stack traces nobody on this project wrote (see the corpus's SOURCES.md), one line per row. */
class CorpusTracebackTest {

    /** Skipped outside CI when the corpus is missing; failed in CI (CI=true). */
    private static Path corpus() {
        return TestCorpus.folder();
    }

    private static List<Traceback> assemble(Path file) throws IOException {
        return assemble(file, TraceOptions.DEFAULT);
    }

    private static List<Traceback> assemble(Path file, TraceOptions options) throws IOException {
        TestRows rows = new TestRows().archive(file.getFileName().toString());
        List<Traceback> out = new ArrayList<>();
        TracebackAssembler assembler = new TracebackAssembler(TracebackAssembler.DEFAULT_CONTEXT_ROWS, options, out::add,
                p -> { });
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add("corpus-host", "corpus", line);
            }
        }
        // Another source logging in between must not matter.
        rows.add("other-host", "other", "Traceback (most recent call last):");
        rows.feed(assembler);
        assembler.finish();
        return out.stream().filter(t -> t.host().equals("corpus-host")).toList();
    }

    @Test
    void vdsmTracebackWithFramesAtColumnZero() throws IOException {
        List<Traceback> tbs = assemble(corpus().resolve("lnav/logfile_vdsm.0"));
        assertEquals(1, tbs.size());
        Traceback tb = tbs.get(0);
        assertEquals("libvirtError", tb.exceptionType());
        assertEquals("Failed to connect socket to '/var/run/libvirt/libvirt-sock': No such file or directory", tb.message());
        assertEquals(List.of("run", "serve_clients", "init", "get", "openAuth"),
                tb.frames().stream().map(Frame::function).toList());
        assertEquals(new Frame("/usr/share/vdsm/vdsm", 72, "run", "serve_clients(log)"), tb.frames().get(0));
        assertEquals(new Frame("/usr/lib64/python2.6/site-packages/libvirt.py", 102, "openAuth",
                "if ret is None:raise libvirtError('virConnectOpenAuth() failed')"), tb.frames().get(4));
        assertEquals(2, tb.row());
        assertEquals(13, tb.id() - tb.firstId() + 2, "ends at the exception line, row 13");
        assertFalse(tb.truncated());
        assertEquals(1, tb.context().size());
        assertEquals("MainThread::INFO::2011-12-05 07:04:56,101::vdsm::71::vds::(run) I am the actual vdsm 4.9-0",
                tb.context().get(0).message());
        assertFalse(tb.context().get(0).sameProcess());
        assertEquals(List.of("type:libvirtError", "frame:vdsm:run", "frame:vdsm:serve_clients",
                "frame:clientIF.py:init", "frame:libvirtconnection.py:get"), tb.fingerprintParts());
    }

    @Test
    void python311ExampleWithTildeMarkers() throws IOException {
        List<Traceback> tbs = assemble(corpus().resolve("lnav/python-example.0"));
        assertEquals(1, tbs.size());
        Traceback tb = tbs.get(0);
        assertEquals("ZeroDivisionError", tb.exceptionType());
        assertEquals("division by zero", tb.message());
        assertEquals(List.of(new Frame("/path/to/log_example.py", 25, "main", "1 / 0")), tb.frames());
        assertEquals("""
                Traceback (most recent call last):
                  File "/path/to/log_example.py", line 25, in main
                    1 / 0
                    ~~^~~
                ZeroDivisionError: division by zero""", tb.text());
        assertEquals(8, tb.row());
        assertFalse(tb.truncated());
        assertEquals(7, tb.context().size());
        assertEquals("2025-09-26 21:12:39,385 ERROR exception message: caught unexpected error",
                tb.context().get(6).message());
        assertEquals("2025-09-26 21:12:39,384 DEBUG debug message: initializing demo π", tb.context().get(0).message());
    }

    @Test
    void appEnginePythonTraceback() throws IOException {
        List<Traceback> tbs = assemble(corpus().resolve("multi-language/python_exc.txt"));
        assertEquals(1, tbs.size());
        Traceback tb = tbs.get(0);
        assertEquals("Exception", tb.exceptionType());
        assertEquals("('spam', 'eggs')", tb.message());
        assertEquals(List.of("__call__", "start", "get"), tb.frames().stream().map(Frame::function).toList());
        assertEquals(List.of(1535, 17, 5), tb.frames().stream().map(Frame::line).toList());
        assertEquals("raise Exception('spam', 'eggs')", tb.frames().get(2).code());
        assertFalse(tb.truncated());
        assertEquals(List.of("type:Exception", "frame:nearfieldspy.py:start", "frame:nearfieldspy.py:get"),
                tb.fingerprintParts());
    }

    @Test
    void aPythonOnlyScanFindsNothingInOtherLanguagesAndText() throws IOException {
        int files = 0;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(corpus().resolve("multi-language"))) {
            for (Path file : dir) {
                if (file.getFileName().toString().equals("python_exc.txt")) {
                    continue;
                }
                assertEquals(List.of(), assemble(file, TraceOptions.DEFAULT.withLanguages(java.util.Set.of(Language.PYTHON))),
                        file.toString());
                files++;
            }
        }
        assertEquals(12, files, "Java, Go, JS and plain text files read");
    }
}
