package dev.tracelens.cli;

import dev.tracelens.engine.TicketService;
import dev.tracelens.tickets.TicketIndex;
import dev.tracelens.tickets.TicketIndexException;
import dev.tracelens.tickets.TicketSummary;
import dev.tracelens.trackers.TrackerClient;
import dev.tracelens.trackers.TrackerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code tracelens tickets sync|list}: the ticket index beside the store. */
@Command(name = "tickets", mixinStandardHelpOptions = true,
        description = "Keeps an index of Jira or GitHub issues beside the store, to show for every group the tickets"
                + " that already mention its traceback.",
        subcommands = {TicketsCommand.Sync.class, TicketsCommand.Create.class, TicketsCommand.ListTrackers.class})
public final class TicketsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: sync, create or list");
    }

    static Path indexOf(StoreOptions store) {
        return TicketService.defaultIndex(store.directory());
    }

    /** {@code tracelens tickets sync --jira URL --project KEY | --github OWNER/REPO}. */
    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Fetches the tickets changed since the last sync (all the first time) into the ticket index:"
                    + " title, description and comments, analyzed like tracebacks (traceback_filtered).",
                    "Rate limits are honoured (Retry-After, HTTP 429, GitHub's secondary limits). Credentials come from"
                            + " the environment or the credentials file and are never printed."})
    static final class Sync extends StoreCommand {
        @Mixin
        TrackerOptions tracker = new TrackerOptions();

        @Override
        int execute() {
            TrackerClient client = tracker.client(this::usage);
            PrintWriter err = err();
            try (TicketIndex index = TicketService.open(indexOf(storeOptions))) {
                TicketService.SyncResult r = TicketService.sync(index, client, n -> {
                    err.println("… " + n + " ticket(s)");
                    err.flush();
                });
                if (json) {
                    out().println(dev.tracelens.traceback.TracebackJson.mapper().createObjectNode().put("tracker", r.tracker())
                            .put("tickets", r.tickets()).put("since", r.since() == null ? null : r.since().toString())
                            .put("lastUpdated", r.lastUpdated() == null ? null : r.lastUpdated().toString()));
                } else {
                    out().println("Synced " + r.tickets() + " ticket(s) of " + oneLine(r.tracker(), 200)
                            + (r.since() == null ? " (all)" : " changed since " + r.since())
                            + " into " + index.path());
                }
                return OK;
            } catch (TrackerException | TicketIndexException e) {
                err.println("tracelens tickets sync: " + oneLine(e.getMessage(), 2000));
                return FAILED;
            }
        }
    }

    /** {@code tracelens tickets create --group FINGERPRINT --jira URL --project KEY | --github OWNER/REPO [--dry-run]}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates a ticket from a group: its title is the group's exception and message, its"
                    + " description the group's Markdown report (Jira wiki markup for Jira Server/Data Center): facts,"
                    + " the traceback with the rows logged before it, the latest occurrences.",
                    "The new ticket is put into the ticket index at once, linked to the group. --dry-run prints the"
                            + " ticket instead of creating it."})
    static final class Create extends StoreCommand {
        @Mixin
        TrackerOptions tracker = new TrackerOptions();

        @picocli.CommandLine.Option(names = "--group", required = true, paramLabel = "FINGERPRINT", description = "The group's fingerprint.")
        String group;

        @picocli.CommandLine.Option(names = "--title", paramLabel = "TEXT", description = "The title instead of the group's exception and message.")
        String title;

        @picocli.CommandLine.Option(names = "--occurrences", paramLabel = "N", description = "Occurrences listed in the description (default: ${DEFAULT-VALUE}).")
        int occurrences = 10;

        @picocli.CommandLine.Option(names = "--dry-run", description = "Print the title and description; create nothing.")
        boolean dryRun;

        @Override
        int execute() {
            TrackerClient client = tracker.client(this::usage);
            TicketService.Draft draft;
            try (dev.tracelens.store.TracebackIndex store = openForReading()) {
                draft = TicketService.draft(store, client, group, occurrences).orElse(null);
            }
            if (draft == null) {
                err().println("No group with fingerprint " + oneLine(group, 100) + " in the store at "
                        + storeOptions.besideStore().toAbsolutePath());
                return FAILED;
            }
            String heading = title != null ? title : draft.title();
            if (dryRun) {
                out().println("Would create in " + oneLine(client.tracker(), 200) + ":");
                out().println("Title: " + oneLine(heading, 300));
                out().println();
                out().println(visible(draft.description()));
                return OK;
            }
            try (TicketIndex index = TicketService.open(indexOf(storeOptions))) {
                dev.tracelens.tickets.Ticket t = TicketService.create(index, client, group, heading, draft.description());
                out().println("Created " + oneLine(t.key(), 40) + " " + oneLine(t.url(), 300) + ", linked to group " + oneLine(group, 64));
                return OK;
            } catch (TrackerException | TicketIndexException e) {
                err().println("tracelens tickets create: " + oneLine(e.getMessage(), 2000));
                return FAILED;
            }
        }
    }

    /** {@code tracelens tickets list}: the trackers in the index. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the trackers in the ticket index with their ticket counts.")
    static final class ListTrackers extends StoreCommand {
        @Override
        int execute() {
            try (TicketIndex index = TicketService.openReadOnly(indexOf(storeOptions))) {
                for (TicketSummary s : index.trackers()) {
                    out().println(s.tickets() + "\t" + s.lastUpdated() + "\t" + oneLine(s.tracker(), 300));
                }
                return OK;
            } catch (TicketIndexException e) {
                err().println("tracelens tickets list: " + oneLine(e.getMessage(), 2000));
                return FAILED;
            }
        }
    }
}
