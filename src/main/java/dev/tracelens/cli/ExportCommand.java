package dev.tracelens.cli;

import dev.tracelens.engine.ExportListener;
import dev.tracelens.engine.ExportRequest;
import dev.tracelens.engine.ExportService;
import dev.tracelens.engine.Stores;
import dev.tracelens.report.CsvReportWriter;
import dev.tracelens.report.ReportFormat;
import dev.tracelens.store.NoSearchableWordsException;
import dev.tracelens.store.QuerySyntaxException;
import dev.tracelens.store.StoreException;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.TracebackIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tracelens export}: a report of the groups under a filter, as HTML, Markdown (GitHub or
 * Jira), JSON or CSV. The file is written atomically: a failed export leaves no half report.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exports a report of the traceback groups under the filter.",
                "Formats: html (a self-contained page), md (GitHub Markdown), jira (Jira wiki markup), json, or csv"
                        + " (one row per occurrence or per group)."})
public final class ExportCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    enum By { occurrence, group }

    @Spec
    CommandSpec spec;

    /** The report formats as the command line spells them (any letter case). */
    enum Format {
        html(ReportFormat.HTML), md(ReportFormat.MD), jira(ReportFormat.JIRA), json(ReportFormat.JSON),
        csv(ReportFormat.CSV);

        final ReportFormat format;

        Format(ReportFormat format) {
            this.format = format;
        }

        static final class Converter implements CommandLine.ITypeConverter<Format> {
            @Override
            public Format convert(String value) {
                try {
                    return Format.valueOf(value.toLowerCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.TypeConversionException(
                            "expected html, md, jira, json or csv but was '" + value + "'");
                }
            }
        }
    }

    @Option(names = "--format", paramLabel = "FORMAT", converter = Format.Converter.class,
            description = "html, md, jira, json or csv (default: from the --out file's extension).")
    Format format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
            description = "The report file (replaced only when complete), or - for standard output.")
    String out;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    FilterOptions filters;

    @Option(names = {"-q", "--query"}, paramLabel = "QUERY",
            description = "Only occurrences matching this full-text query (Lucene syntax).")
    String query;

    @Option(names = "--groups", paramLabel = "FP", split = ",",
            description = "Only these groups (fingerprints, comma-separated or repeated).")
    List<String> groups = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N",
            description = "Only the N most frequent groups under the filter (default: all of them).")
    int limit;

    @Option(names = "--occurrences", paramLabel = "N",
            description = "Occurrences listed per group, newest first, and so the rows per group of a CSV"
                    + " by occurrence (default: ${DEFAULT-VALUE}; 0 for none).")
    int occurrences = 20;

    @Option(names = "--by", paramLabel = "occurrence|group",
            description = "CSV only: one row per listed occurrence (default) or per group.")
    By by = By.occurrence;

    @Option(names = "--title", paramLabel = "TEXT", description = "The report's title (default: ${DEFAULT-VALUE}).")
    String title = "Tracelens report";

    /** Where "made at" comes from; tests replace it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat reportFormat = format();
        if (occurrences < 0) {
            throw usage("--occurrences must be 0 or more, not " + occurrences);
        }
        if (limit < 0) {
            throw usage("--limit must be 1 or more, not " + limit);
        }
        if (by == By.group && reportFormat != ReportFormat.CSV) {
            throw usage("--by only applies to --format csv");
        }
        boolean toStdout = out.equals("-");
        Path target = toStdout ? null : Path.of(out);
        if (target != null && Files.isDirectory(target)) {
            throw usage("--out " + out + " is a folder; give a file name");
        }
        if (target != null && target.toAbsolutePath().getParent() != null
                && !Files.isDirectory(target.toAbsolutePath().getParent())) {
            err.println("tracelens: cannot write " + out + ": its folder does not exist");
            return FAILED;
        }
        StoreFilter filter = filters.toFilter().withText(query);
        CsvReportWriter.By csvBy = by == By.group ? CsvReportWriter.By.GROUP : CsvReportWriter.By.OCCURRENCE;
        ExportRequest request = new ExportRequest(reportFormat, filter, groups, occurrences, title, csvBy)
                .withLimit(limit);
        try (TracebackIndex store = Stores.openReadOnly(storeOptions.location());
             dev.tracelens.tickets.TicketIndex tickets = dev.tracelens.engine.TicketService.openReadOnly(
                     dev.tracelens.engine.TicketService.defaultIndex(storeOptions.besideStore()))) {
            ExportService exports = new ExportService(store, clock, tickets);
            if (toStdout) {
                exports.export(request, spec.commandLine().getOut(), ExportListener.NONE);
            } else {
                long written = exports.export(request, target, ExportListener.NONE);
                err.println(String.format(Locale.ROOT, "tracelens: wrote %,d groups to %s", written, target));
            }
            return OK;
        } catch (QuerySyntaxException | NoSearchableWordsException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (StoreException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            err.println("tracelens: cannot write " + (toStdout ? "the report" : out) + ": " + IoReason.of(io));
            return FAILED;
        } finally {
            err.flush();
        }
    }

    private ReportFormat format() {
        if (format != null) {
            return format.format;
        }
        int dot = out.lastIndexOf('.');
        String ext = out.equals("-") || dot < 0 ? "" : out.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "html", "htm" -> ReportFormat.HTML;
            case "md", "markdown" -> ReportFormat.MD;
            case "jira" -> ReportFormat.JIRA;
            case "json" -> ReportFormat.JSON;
            case "csv" -> ReportFormat.CSV;
            default -> throw usage("give --format html|md|jira|json|csv (cannot tell it from --out " + out + ")");
        };
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
