package dev.tracelens.engine;

import dev.tracelens.report.MarkdownReportWriter;
import dev.tracelens.report.ReportExporter;
import dev.tracelens.report.ReportGroup;
import dev.tracelens.report.ReportHeader;
import dev.tracelens.report.StoreReportSource;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.Traceback;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Reports out of the store, for {@code tracelens export} and the app's Export… and "Copy as
 * Markdown" alike: the groups are read from the store one at a time as the writer asks for them
 * ({@link StoreReportSource}), so an export of any size runs in the memory of one group.
 */
public final class ExportService {
    private final TracebackIndex store;
    private final Clock clock;
    private final dev.tracelens.tickets.TicketIndex tickets;

    /** @param clock stamps the reports ("made at") */
    public ExportService(TracebackIndex store, Clock clock) {
        this(store, clock, null);
    }

    /** @param tickets the ticket index whose matches each group lists ("Known tickets"); null for none */
    public ExportService(TracebackIndex store, Clock clock, dev.tracelens.tickets.TicketIndex tickets) {
        this.store = store;
        this.clock = clock;
        this.tickets = tickets;
    }

    /**
     * Writes the report to {@code target} atomically: the file is complete or not there (also
     * when the export fails or is cancelled).
     *
     * @return the number of groups written
     * @throws CancellationException when the listener asks to stop
     * @throws dev.tracelens.store.QuerySyntaxException when the filter's text query cannot run
     * @throws dev.tracelens.store.StoreException when a picked group has no occurrence under the filter
     */
    public long export(ExportRequest request, Path target, ExportListener listener) throws IOException {
        Prepared p = prepare(request, listener);
        return p.exporter.exportTo(target, request.format(), request.csvBy(), p.header, p.groups);
    }

    /** Writes the report to a writer the caller owns (e.g. standard output); it is flushed, not closed. */
    public long export(ExportRequest request, Writer out, ExportListener listener) throws IOException {
        Prepared p = prepare(request, listener);
        return p.exporter.exportTo(out, request.format(), request.csvBy(), p.header, p.groups);
    }

    private record Prepared(ReportExporter exporter, ReportHeader header, Iterator<ReportGroup> groups) {
    }

    private Prepared prepare(ExportRequest request, ExportListener listener) {
        StoreFilter filter = request.filter();
        if (filter.hasText()) {
            store.validate(filter.text());
        }
        StoreReportSource source = new StoreReportSource(store, filter, request.fingerprints(), request.occurrences(),
                request.limit());
        ReportExporter exporter = new ReportExporter(clock);
        String scope = StoreReportSource.describe(filter, request.fingerprints());
        if (request.limit() > 0) {
            scope = ("top " + request.limit() + " groups " + scope).strip();
        }
        // With a limit the overview chart sums the reported groups, as for picked ones.
        ReportHeader header = exporter.header(request.title(), scope, filter.since(), filter.until(),
                source.history(!request.fingerprints().isEmpty() || request.limit() > 0));
        return new Prepared(exporter, header, watched(withTickets(source.groups()), source.groupCount(), listener));
    }

    /** The groups with their known tickets, one at a time as the writer asks. */
    private Iterator<ReportGroup> withTickets(Iterator<ReportGroup> groups) {
        if (tickets == null) {
            return groups;
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return groups.hasNext();
            }

            @Override
            public ReportGroup next() {
                ReportGroup g = groups.next();
                return g.withTickets(TicketService.matches(tickets, g.representative(), TicketService.MAX_MATCHES));
            }
        };
    }

    /** The groups, telling the listener after each one written and stopping when it asks. */
    private static Iterator<ReportGroup> watched(Iterator<ReportGroup> groups, long total, ExportListener listener) {
        if (listener == ExportListener.NONE) {
            return groups;
        }
        return new Iterator<>() {
            private long written;
            private long reported;

            @Override
            public boolean hasNext() {
                if (written > reported) {
                    reported = written;
                    listener.onGroupWritten(written, total); // the previous group is written by now
                }
                if (listener.isCancelled()) {
                    throw new CancellationException("export cancelled");
                }
                return groups.hasNext();
            }

            @Override
            public ReportGroup next() {
                written++;
                return groups.next();
            }
        };
    }

    /**
     * One group as GitHub Markdown (or Jira markup) for an issue, the way a report shows it: its
     * facts, the occurrence {@code occurrenceId} in full with its context (the representative
     * when that is not one of the group's), and the newest {@code occurrences} listed. Empty when
     * the group has no occurrence under the filter.
     */
    public Optional<String> groupMarkdown(String fingerprint, long occurrenceId, StoreFilter filter, int occurrences,
                                          boolean jira) {
        if (store.groups(filter.withFingerprint(fingerprint), dev.tracelens.store.GroupSort.COUNT, 1).groups().isEmpty()) {
            return Optional.empty();
        }
        ReportGroup group = StoreReportSource.group(store, filter, fingerprint, occurrences);
        Traceback shown = store.occurrence(occurrenceId).filter(t -> t.fingerprint().equals(fingerprint))
                .orElse(group.representative());
        ReportGroup withShown = new ReportGroup(group.fingerprint(), group.exceptionType(), shown.message(),
                group.count(), group.firstSeen(), group.lastSeen(), group.hosts(), group.programs(), shown,
                group.occurrences(), group.history());
        return Optional.of(MarkdownReportWriter.toMarkdown(withShown,
                jira ? MarkdownReportWriter.Flavor.JIRA : MarkdownReportWriter.Flavor.GITHUB));
    }
}
