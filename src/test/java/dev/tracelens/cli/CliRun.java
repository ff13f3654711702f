package dev.tracelens.cli;

import dev.tracelens.traceback.TracebackJson;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** One in-process run of the command line, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TracelensCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** stdout as JSON Lines. */
    List<JsonNode> jsonLines() {
        return out.lines().filter(l -> !l.isBlank()).map(l -> {
            try {
                return TracebackJson.mapper().readTree(l);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException("not JSON: " + l, e);
            }
        }).toList();
    }
}
