package dev.tracelens.cli;

import dev.tracelens.archive.Problem;
import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ImportResult;
import dev.tracelens.common.VisibleText;
import dev.tracelens.engine.ImportService;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.TracebackAssembler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code tracelens import PATH...}: archives into the store, skipping those already imported. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports archive files and folders (recursively) into the store.",
                "Archives already imported and unchanged are skipped; importing again never duplicates."})
public final class ImportCommand extends StoreCommand {
    /** Bad rows listed one by one before only counting them. */
    private static final int PROBLEMS_SHOWN = 20;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files (Papertrail .tsv.gz, JSON lines, text logs) or folders.")
    List<Path> paths;

    @picocli.CommandLine.Mixin
    InputOptions input = new InputOptions();

    @Option(names = "--context", paramLabel = "ROWS", description = "Rows of context kept per traceback (default: ${DEFAULT-VALUE}).")
    int contextRows = TracebackAssembler.DEFAULT_CONTEXT_ROWS;

    @picocli.CommandLine.Mixin
    TraceArguments tracing = new TraceArguments();

    @Override
    int execute() {
        if (contextRows < 0) {
            throw usage("--context must be 0 or more: " + contextRows);
        }
        dev.tracelens.archive.ReaderOptions reading = input.readerOptions(spec.commandLine());
        // A path that is not there is the user's typo, not an archive to read again next time.
        List<Path> missing = paths.stream().filter(p -> !Files.exists(p)).toList();
        for (Path p : missing) {
            err().println("tracelens import: " + VisibleText.of(p.toString(), false) + ": no such file or folder");
        }
        List<Path> existing = paths.stream().filter(p -> !missing.contains(p)).toList();
        if (existing.isEmpty()) {
            return FAILED;
        }
        // Since JDK 22 System.console() exists even when redirected; isTerminal() tells.
        boolean terminal = System.console() != null && System.console().isTerminal();
        PrintWriter err = err();
        long[] shown = {0};
        ImportListener listener = new ImportListener() {
            private long lastPrint;

            @Override
            public void onProblem(Problem problem) {
                if (shown[0]++ < PROBLEMS_SHOWN) {
                    clearLine();
                    err.println("warning: " + VisibleText.of(problem.toString(), false));
                }
            }

            @Override
            public void onImported(ArchiveRecord archive) {
                if (terminal && !json) {
                    clearLine();
                    err.println("imported " + oneLine(archive.name(), 300));
                }
            }

            @Override
            public void onProgress(String archive, long read, long size, long rows, long tracebacks) {
                long now = System.nanoTime();
                if (!terminal || now - lastPrint < 200_000_000L) {
                    return;
                }
                lastPrint = now;
                String pct = size > 0 ? (100 * read / size) + "%" : "";
                err.print(String.format("\r%s %4s  %,d rows  %,d tracebacks\033[K", archive, pct, rows, tracebacks));
                err.flush();
            }

            private void clearLine() {
                if (terminal) {
                    err.print("\r\033[K");
                }
            }
        };
        for (Path path : existing) {
            if (java.nio.file.Files.isDirectory(path) && hasNoLogFiles(path)) {
                listener.onProblem(dev.tracelens.archive.ArchiveReader.noLogFilesIn(path));
            }
        }
        ImportResult result;
        long total;
        try (TracebackIndex store = openForWriting()) {
            result = new ImportService(store, contextRows, reading, tracing.options()).importPaths(existing, listener);
            total = store.tracebackCount();
        }
        if (terminal) {
            err.print("\r\033[K");
        }
        if (shown[0] > PROBLEMS_SHOWN) {
            err.println("... and " + (shown[0] - PROBLEMS_SHOWN) + " more problems");
        }
        List<ArchiveRecord> incomplete = result.failed();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("store", storeOptions.shown());
            out.put("result", result);
            out.put("storedTracebacks", total);
            out().println(StoreJson.write(out));
        } else {
            // Written minus replaced is what the store gained, so the two counts always add up.
            out().println(String.format("Imported %d archive(s) (%,d rows, %,d bad), skipped %d unchanged%s;"
                            + " %,d tracebacks written%s in %.1f s. The store at %s holds %,d tracebacks.",
                    result.imported().size(), result.rows(), result.badRows(), result.skipped().size(),
                    incomplete.isEmpty() ? "" : ", " + incomplete.size() + " not read completely",
                    result.tracebacksWritten(), result.replaced() == 0 ? ""
                            : String.format(" (%,d replaced an earlier version of the same traceback)", result.replaced()),
                    result.took().toMillis() / 1000.0, storeOptions.shown(), total));
        }
        for (ArchiveRecord a : incomplete) {
            err.println("error: " + VisibleText.of(a.path(), false) + " could not be read completely; it will be read again next time");
        }
        // Nothing at all could be read (only empty files, folders without logs): say so by the exit code.
        boolean nothingRead = result.rows() == 0 && result.skipped().isEmpty();
        return incomplete.isEmpty() && !nothingRead && missing.isEmpty() ? OK : FAILED;
    }

    private static boolean hasNoLogFiles(Path folder) {
        try {
            return !dev.tracelens.archive.ArchiveReader.hasLogFiles(folder);
        } catch (java.io.IOException e) {
            return false; // the import says why the folder cannot be listed
        }
    }
}
