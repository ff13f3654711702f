package dev.tracelens.cli;

import dev.tracelens.engine.QueryService;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.ContextLine;
import dev.tracelens.traceback.Traceback;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.tracelens.engine.TicketService;
import dev.tracelens.tickets.TicketIndex;
import dev.tracelens.tickets.TicketMatch;

import java.io.PrintWriter;
import java.util.List;
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
        List<TicketMatch> tickets = List.of();
        try (TracebackIndex store = openForReading()) {
            found = new QueryService(store).find(key);
        }
        if (found.isPresent()) {
            try (TicketIndex index = TicketService.openReadOnly(TicketService.defaultIndex(storeOptions.besideStore()))) {
                tickets = TicketService.matches(index, found.get(), TicketService.MAX_MATCHES);
            }
        }
        if (found.isEmpty()) {
            err().println("No occurrence with id " + oneLine(key, 100) + " and no group with that fingerprint in the store at "
                    + storeOptions.shown());
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
        if (!tickets.isEmpty()) {
            out.println();
            out.println("Known tickets (best match first):");
            for (TicketMatch m : tickets) {
                out.println("  " + oneLine(m.ticket().key(), 40) + "  " + oneLine(m.ticket().status(), 40) + "  "
                        + oneLine(m.ticket().title(), 120) + "  " + oneLine(m.ticket().url(), 300));
                out.println("      " + (m.linked() ? "created from this group; " : "") + "shares: "
                        + oneLine(String.join(" ", m.sharedWords()), 300));
            }
        }
        return OK;
    }
}
