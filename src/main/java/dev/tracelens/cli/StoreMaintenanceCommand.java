package dev.tracelens.cli;

import dev.tracelens.engine.Stores;
import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.RebuildResult;
import dev.tracelens.store.StoreHealth;
import dev.tracelens.traceback.TracebackAssembler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code tracelens store check|rebuild}: finding and repairing a damaged store. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Checks the store for damage and rebuilds it from its archives.",
        subcommands = {StoreMaintenanceCommand.Check.class, StoreMaintenanceCommand.Rebuild.class})
public final class StoreMaintenanceCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: check or rebuild");
    }

    /** {@code tracelens store check}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Reads every file of the store back (checksums and every document) and says what is damaged.",
                    "Exits 1 when the store is damaged."})
    static final class Check extends StoreCommand {
        @Override
        int execute() {
            StoreHealth h = Stores.check(storeOptions.directory());
            if (json) {
                out().println(StoreJson.write(h));
            } else if (h.intact()) {
                out().println(String.format("The store at %s is intact: %,d documents in %d segments, format %d.",
                        h.store(), h.documents(), h.segments(), h.formatVersion()));
            } else {
                out().println(String.format("The store at %s is damaged: %d of %d segments (%,d of %,d documents).",
                        h.store(), h.damagedSegments(), h.segments(), h.damagedDocuments(), h.documents()));
                for (String p : h.problems()) {
                    out().println("  " + p);
                }
                out().println("Run `tracelens store rebuild` to rebuild it from its archives.");
            }
            return h.intact() ? OK : FAILED;
        }
    }

    /** {@code tracelens store rebuild [PATH...]}. */
    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = {"Rebuilds the store from its archives into a fresh store and swaps it in.",
                    "Imports the registered archives still on disk and any PATH given; the old store is kept beside it."})
    static final class Rebuild extends StoreCommand {
        @Parameters(arity = "0..*", paramLabel = "PATH",
                description = "More archive files or folders (e.g. when the archives moved or the registry is unreadable).")
        List<Path> paths = List.of();

        @Option(names = "--context", paramLabel = "ROWS",
                description = "Rows of context kept per traceback (default: ${DEFAULT-VALUE}).")
        int contextRows = TracebackAssembler.DEFAULT_CONTEXT_ROWS;

        @picocli.CommandLine.Mixin
        TraceArguments tracing = new TraceArguments();

        @Override
        int execute() {
            if (contextRows < 0) {
                throw usage("--context must be 0 or more: " + contextRows);
            }
            RebuildResult r = Stores.rebuild(storeOptions.directory(), paths, contextRows, tracing.options(), ImportListener.NONE);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("store", r.store().toString());
                out.put("oldStore", r.oldStore().toString());
                out.put("reimported", r.reimported().stream().map(ArchiveRecord::name).toList());
                out.put("gone", r.gone().stream().map(ArchiveRecord::path).toList());
                out.put("unreadableRecords", r.unreadable());
                out.put("result", r.result());
                out().println(StoreJson.write(out));
            } else {
                out().println(String.format("Rebuilt the store at %s from %d archive(s): %,d tracebacks. The old store"
                                + " is kept at %s (delete it when you no longer need it).", r.store(),
                        r.result().imported().size() + r.result().failed().size(), r.result().storedAfter(), r.oldStore()));
                for (ArchiveRecord a : r.gone()) {
                    err().println("gone: " + a.path() + " is no longer on disk; its tracebacks are not in the rebuilt store"
                            + " (give its new place as PATH to bring them back)");
                }
                if (r.unreadable() > 0) {
                    err().println(r.unreadable() + " archive record(s) of the old store could not be read;"
                            + " name those archives as PATH");
                }
            }
            return r.gone().isEmpty() && r.unreadable() == 0 && r.result().failed().isEmpty() ? OK : FAILED;
        }
    }
}
