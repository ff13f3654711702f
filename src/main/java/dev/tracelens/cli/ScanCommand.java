package dev.tracelens.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tracelens.archive.ArchiveReader;
import dev.tracelens.archive.Problem;
import dev.tracelens.archive.ReadProgress;
import dev.tracelens.traceback.ScanListener;
import dev.tracelens.traceback.ScanSummary;
import dev.tracelens.traceback.Traceback;
import dev.tracelens.traceback.TracebackAssembler;
import dev.tracelens.traceback.TracebackJson;
import dev.tracelens.traceback.TracebackScanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tracelens scan}: archives in, tracebacks out, no store involved. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rebuilds the tracebacks in Papertrail archives and prints them; nothing is stored.",
                "Text (the default) groups them by fingerprint, biggest group first, each with an example and the rows"
                        + " of the same process just before it; jsonl prints one JSON object per traceback."})
final class ScanCommand implements Callable<Integer> {

    enum Format { jsonl, text }

    @Spec
    CommandSpec spec;

    @Option(names = "--context", paramLabel = "N", description = "Rows of the same host and program to keep before each traceback (default: ${DEFAULT-VALUE}).")
    int context = TracebackAssembler.DEFAULT_CONTEXT_ROWS;

    @picocli.CommandLine.Mixin
    TraceArguments tracing = new TraceArguments();

    @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl (one JSON object per traceback) or text (grouped summary; default).")
    Format format = Format.text;

    @picocli.CommandLine.Mixin
    InputOptions input = new InputOptions();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Log files or folders (Papertrail .tsv.gz, JSON lines, text logs), in time order.")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        if (context < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--context must be 0 or more, not " + context);
        }
        var reading = input.readerOptions(spec.commandLine());
        PrintWriter err = spec.commandLine().getErr();
        boolean failed = false;
        List<Path> archives = new ArrayList<>();
        for (Path path : paths) {
            try {
                List<Path> found = ArchiveReader.archivesIn(List.of(path));
                if (found.isEmpty() && java.nio.file.Files.isDirectory(path)) {
                    err.println("warning: " + ArchiveReader.noLogFilesIn(path));
                }
                archives.addAll(found);
            } catch (IOException e) {
                err.println("tracelens: cannot read " + path + ": " + IoReason.of(e));
                failed = true;
            }
        }

        ProblemLog problems = new ProblemLog(err);
        ScanTextReport report = new ScanTextReport();
        long started = System.nanoTime();
        ScanSummary summary;
        PrintWriter out = spec.commandLine().getOut();
        try {
            // Flushing per traceback would cost a system call each; the finally block flushes once.
            ObjectWriter json = TracebackJson.lineWriter().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
            summary = new TracebackScanner(context, reading, tracing.options()).scan(archives, new ScanListener() {
                @Override
                public void onTraceback(Traceback traceback) {
                    report.add(traceback);
                    if (format == Format.jsonl) {
                        try {
                            json.writeValue(out, traceback);
                            out.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        // PrintWriter swallows write errors: without this check, `scan big.tsv.gz | head`
                        // would read gigabytes after head has gone.
                        if (out.checkError()) {
                            throw new OutputClosed();
                        }
                    }
                }

                @Override
                public void onProblem(Problem problem) {
                    problems.report(problem);
                }
            }, ReadProgress.NONE);
            if (format == Format.text) {
                report.print(out);
            }
        } catch (OutputClosed e) {
            return 0; // the reader of our output has all it wanted
        } finally {
            out.flush();
        }
        problems.printHidden();
        failed |= !summary.complete() || summary.rows() == 0; // nothing at all could be read
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf("tracelens: %,d rows in %,d files, %,d tracebacks in %,d groups, %,d bad rows (%.1f s)%n",
                summary.rows(), summary.archives().size(), summary.tracebacks(), report.groupCount(),
                summary.badRows(), seconds);
        return failed ? 1 : 0;
    }

    /** Thrown from the listener to stop the scan when nobody reads stdout any more. */
    private static final class OutputClosed extends RuntimeException {
        OutputClosed() {
            super("standard output closed", null, false, false);
        }
    }
}
