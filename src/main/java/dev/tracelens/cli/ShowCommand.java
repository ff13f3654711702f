package dev.tracelens.cli;

import dev.tracelens.engine.QueryService;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.ContextLine;
import dev.tracelens.traceback.Traceback;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Optional;

/** {@code tracelens show ID|FINGERPRINT}: one occurrence with its context. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Shows one stored traceback with the rows logged before it.",
                "Give the Papertrail id of its first or last row, or a group's fingerprint for the group's latest"
                        + " occurrence."})
public final class ShowCommand extends StoreCommand {
    @Parameters(paramLabel = "ID|FINGERPRINT", description = "A Papertrail row id, or a group's fingerprint.")
    String key;

    @Override
    int execute() {
        Optional<Traceback> found;
        try (TracebackIndex store = openForReading()) {
            found = new QueryService(store).find(key);
        }
        if (found.isEmpty()) {
            err().println("No occurrence with id " + oneLine(key, 100) + " and no group with that fingerprint in the store at "
                    + storeOptions.directory().toAbsolutePath());
            return FAILED;
        }
        Traceback t = found.get();
        PrintWriter out = out();
        if (json) {
            out.println(StoreJson.write(t));
            return OK;
        }
        out.println("Occurrence " + t.firstId() + " (rows " + t.firstId() + ".." + t.id() + ") at " + t.timestamp());
        out.println("  host " + oneLine(t.host(), 200) + ", program " + oneLine(t.program(), 200) + ", archive "
                + oneLine(t.archive(), 300) + " row " + t.row());
        out.println("  group " + oneLine(t.fingerprint(), 64) + (t.truncated() ? " (cut off)" : ""));
        if (!t.context().isEmpty()) {
            out.println();
            out.println("Context (* = same process):");
            for (ContextLine c : t.context()) {
                out.println((c.sameProcess() ? "* " : "  ") + c.timestamp() + "  " + oneLine(c.message(), 300));
            }
        }
        out.println();
        out.println(visible(t.text()));
        return OK;
    }
}
