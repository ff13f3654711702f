package dev.tracelens.cli;

import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.store.TracebackIndex;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/** {@code tracelens archives}: the archive registry. */
@Command(name = "archives", mixinStandardHelpOptions = true,
        description = "Lists the imported archives: size, rows, bad rows, tracebacks stored, when imported.")
public final class ArchivesCommand extends StoreCommand {
    @Override
    int execute() {
        List<ArchiveRecord> archives;
        try (TracebackIndex store = openForReading()) {
            archives = store.archives();
        }
        PrintWriter out = out();
        if (json) {
            out.println(StoreJson.write(archives));
            return OK;
        }
        out.println(archives.size() + " archive(s)");
        if (archives.isEmpty()) {
            return OK;
        }
        out.println(String.format("%-24s %12s %10s %6s %10s  %-20s %s", "NAME", "BYTES", "ROWS", "BAD", "TRACEBACKS",
                "IMPORTED", "CHECKSUM"));
        for (ArchiveRecord a : archives) {
            out.println(String.format("%-24s %,12d %,10d %,6d %,10d  %-20s %s%s", oneLine(a.name(), 200), a.sizeBytes(), a.rows(),
                    a.badRows(), a.tracebacks(), a.importedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    oneLine(a.checksum(), 19), a.complete() ? "" : " (incomplete)"));
        }
        return OK;
    }
}
