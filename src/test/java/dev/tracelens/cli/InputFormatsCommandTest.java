package dev.tracelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code scan} and {@code import} on logs written by the real programs: Python's {@code logging}
 * (plain text and python-json-logger's record shape) and util-linux {@code logger}; the input
 * options; and inputs from which nothing at all can be read.
 */
class InputFormatsCommandTest {
    @TempDir
    Path dir;

    /**
     * Writes app.log (a common logging format) and app.jl (python-json-logger's documented shape:
     * asctime, levelname, name, process, message, exc_info, built with json.dumps since the package may not be
     * installed), each with three real tracebacks raised and logged by logger.exception.
     */
    private static final String PYTHON = """
            import json, logging, sys
            class JsonFormatter(logging.Formatter):
                def format(self, record):
                    record.message = record.getMessage()
                    out = {"asctime": self.formatTime(record), "levelname": record.levelname,
                           "name": record.name, "process": record.process, "message": record.message}
                    if record.exc_info:
                        out["exc_info"] = self.formatException(record.exc_info)
                    return json.dumps(out)
            text = logging.FileHandler(sys.argv[1])
            text.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            js = logging.FileHandler(sys.argv[2])
            js.setFormatter(JsonFormatter())
            log = logging.getLogger("billing")
            log.setLevel(logging.INFO)
            log.addHandler(text)
            log.addHandler(js)
            def charge(order):
                if order == 1:
                    raise ValueError("bad amount")
                if order == 2:
                    return {}["user_id"]
                return 1 / 0
            for order in range(1, 4):
                log.info("charging order %d", order)
                try:
                    charge(order)
                except Exception:
                    log.exception("charge failed for order %d", order)
            """;

    @Test
    void tracebacksFromPythonLoggingInTextAndJsonLines() throws Exception {
        assumeTrue(onPath("python3"), "python3 is not on this machine");
        Path script = Files.writeString(dir.resolve("write_logs.py"), PYTHON);
        Path text = dir.resolve("app.log");
        Path json = dir.resolve("app.jl");
        run(List.of("python3", script.toString(), text.toString(), json.toString()));

        for (Path log : List.of(text, json)) {
            CliRun scan = CliRun.of("scan", "--format", "jsonl", log.toString());
            assertEquals(0, scan.exitCode(), scan.err());
            assertTrue(!scan.err().contains("warning"), scan.err());
            List<JsonNode> tracebacks = scan.jsonLines();
            assertEquals(List.of("ValueError", "KeyError", "ZeroDivisionError"),
                    tracebacks.stream().map(t -> t.get("exceptionType").asText()).toList(), log + ": " + scan.out());
            assertTrue(tracebacks.stream().allMatch(t -> !t.get("truncated").asBoolean()), scan.out());
            assertEquals(log.getFileName().toString(), tracebacks.getFirst().get("host").asText(),
                    "no host in the file: the file name is the source");
            JsonNode first = tracebacks.getFirst();
            assertTrue(first.get("frames").size() >= 2, first.toString());
            assertTrue(first.get("context").toString().contains("charging order 1"), first.toString());
            // Where each came from: the file and the line of its header (the app's traceback pane shows it).
            assertEquals(log.getFileName().toString(), first.get("archive").asText());
            List<String> fileLines = Files.readAllLines(log);
            for (JsonNode t : tracebacks) {
                String atRow = fileLines.get(t.get("row").asInt() - 1);
                assertTrue(log == json ? atRow.contains("\"exc_info\": \"Traceback (most recent call last):")
                        : atRow.equals("Traceback (most recent call last):"), t.get("row") + ": " + atRow);
            }
        }
        // The JSON records' "process" field marks the rows of the process that printed the traceback.
        CliRun scan = CliRun.of("scan", "--format", "jsonl", json.toString());
        JsonNode context = scan.jsonLines().getFirst().get("context");
        assertTrue(context.size() >= 1 && context.get(context.size() - 1).get("sameProcess").asBoolean(), context.toString());
    }

    @Test
    void syslogLinesWrittenByLoggerAreRowsWithHostAndProgram() throws Exception {
        assumeTrue(onPath("logger"), "util-linux logger is not on this machine");
        Path file = dir.resolve("syslog.txt");
        List<String> lines = new ArrayList<>();
        // --socket-errors=off: no syslog daemon needed, -s prints the line logger would send
        lines.addAll(run(List.of("logger", "--socket-errors=off", "--rfc5424", "-s", "-t", "myapp", "-i",
                "Traceback (most recent call last):")));
        lines.addAll(run(List.of("logger", "--socket-errors=off", "--rfc5424", "-s", "-t", "myapp", "-i",
                "  File \"/srv/app.py\", line 3, in main")));
        lines.addAll(run(List.of("logger", "--socket-errors=off", "--rfc5424", "-s", "-t", "myapp", "-i",
                "RuntimeError: from rfc5424")));
        lines.addAll(run(List.of("logger", "--socket-errors=off", "--rfc3164", "-s", "-t", "other", "-i",
                "Traceback (most recent call last):")));
        lines.addAll(run(List.of("logger", "--socket-errors=off", "--rfc3164", "-s", "-t", "other", "-i",
                "  File \"/srv/other.py\", line 9, in run")));
        lines.addAll(run(List.of("logger", "--socket-errors=off", "--rfc3164", "-s", "-t", "other", "-i",
                "OSError: from rfc3164")));
        Files.write(file, lines, StandardCharsets.UTF_8);
        CliRun scan = CliRun.of("scan", "--format", "jsonl", file.toString());
        assertEquals(0, scan.exitCode(), scan.err() + String.join("\n", lines));
        List<JsonNode> tracebacks = scan.jsonLines();
        assertEquals(List.of("OSError other", "RuntimeError myapp"),
                tracebacks.stream().map(t -> t.get("exceptionType").asText() + " " + t.get("program").asText()).sorted().toList(),
                String.join("\n", lines));
        String host = java.net.InetAddress.getLocalHost().getHostName().split("\\.")[0];
        assertTrue(tracebacks.getFirst().get("host").asText().startsWith(host) || !lines.getFirst().contains(" " + host + " "),
                tracebacks.getFirst().toString());
    }

    @Test
    void inputOptionsReachTheReaderAndBadValuesAreUsageErrors() throws IOException {
        Path file = Files.writeString(dir.resolve("custom.jl"), String.join("\n",
                "{\"when\":\"2024-01-05T12:00:00Z\",\"box\":\"h9\",\"text\":\"Traceback (most recent call last):\"}",
                "{\"when\":\"2024-01-05T12:00:00Z\",\"box\":\"h9\",\"text\":\"  File \\\"x.py\\\", line 1, in f\"}",
                "{\"when\":\"2024-01-05T12:00:00Z\",\"box\":\"h9\",\"text\":\"KeyError: 'k'\"}", ""));
        CliRun scan = CliRun.of("scan", "--format", "jsonl", "--field", "time=when,host=box", "--field", "message=text",
                file.toString());
        assertEquals(0, scan.exitCode(), scan.err());
        assertEquals("h9", scan.jsonLines().getFirst().get("host").asText());
        assertEquals("KeyError", scan.jsonLines().getFirst().get("exceptionType").asText());

        CliRun bad = CliRun.of("scan", "--input-format", "xml", file.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("unknown input format \"xml\" (expected auto, papertrail, jsonl or text)"), bad.err());
        CliRun badField = CliRun.of("import", "--store", dir.resolve("store").toString(), "--field", "colour=c", file.toString());
        assertEquals(2, badField.exitCode());
        assertTrue(badField.err().contains("unknown field role \"colour\""), badField.err());

        CliRun help = CliRun.of("import", "--help");
        assertTrue(help.out().replaceAll("\\s*\\n\\s*", " ").contains("%(asctime)s %(name)s: %(message)s"), help.out());
    }

    @Test
    void anEmptyFileOrAFolderWithoutLogsIsSaidAndExitsOne() throws IOException {
        Path empty = Files.write(dir.resolve("empty.tsv.gz"), new byte[0]);
        CliRun scan = CliRun.of("scan", empty.toString());
        assertEquals(1, scan.exitCode(), scan.err());
        assertTrue(scan.err().contains("empty.tsv.gz: empty file (0 bytes)"), scan.err());

        Path folder = Files.createDirectories(dir.resolve("no-logs"));
        Files.writeString(folder.resolve("notes.md"), "nothing");
        CliRun scanFolder = CliRun.of("scan", folder.toString());
        assertEquals(1, scanFolder.exitCode(), scanFolder.err());
        assertTrue(scanFolder.err().contains(folder + ": no archives or log files in this folder or its subfolders (looked for .tsv.gz"),
                scanFolder.err());

        String store = dir.resolve("store").toString();
        CliRun imp = CliRun.of("import", "--store", store, folder.toString());
        assertEquals(1, imp.exitCode(), imp.err());
        assertTrue(imp.err().contains("no archives or log files in this folder"), imp.err());
        CliRun impEmpty = CliRun.of("import", "--store", store, empty.toString());
        assertEquals(1, impEmpty.exitCode(), impEmpty.err());
        assertTrue(impEmpty.err().contains("empty.tsv.gz: empty file (0 bytes)"), impEmpty.err());
    }

    private static boolean onPath(String program) {
        try {
            return new ProcessBuilder("which", program).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs a program; returns its stderr and stdout lines (logger -s writes to stderr). */
    private static List<String> run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), command + ": " + output);
        return output.lines().toList();
    }
}
