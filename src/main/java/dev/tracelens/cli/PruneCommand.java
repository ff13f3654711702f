package dev.tracelens.cli;

import dev.tracelens.store.TracebackIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;

/** {@code tracelens prune --before DATE}: retention. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Deletes occurrences older than a date and reclaims their space.",
                "The archive registry is kept, so importing those archives again does not bring them back."})
public final class PruneCommand extends StoreCommand {
    @Option(names = "--before", required = true, paramLabel = "TIME", converter = DateArgument.class,
            description = "Delete occurrences before TIME: " + DateArgument.HELP + ".")
    Instant before;

    @Override
    int execute() {
        long deleted;
        long size;
        try (TracebackIndex store = openForWriting()) {
            deleted = store.prune(before);
            size = store.sizeOnDisk();
        }
        if (json) {
            out().println(StoreJson.write(java.util.Map.of("deleted", deleted, "before", before.toString(),
                    "storeBytes", size)));
        } else {
            out().println(String.format("Deleted %,d occurrences before %s; the store now takes %,.1f MB.", deleted,
                    before, size / 1e6));
        }
        return OK;
    }
}
