package dev.tracelens.report;

import dev.tracelens.traceback.ContextLine;
import dev.tracelens.tickets.TicketMatch;
import dev.tracelens.traceback.Traceback;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * A report to paste into a GitHub issue ({@link Flavor#GITHUB}: CommonMark with GitHub tables)
 * or a Jira issue ({@link Flavor#JIRA}: wiki markup with {@code {noformat}} blocks, which Jira's
 * editor keeps verbatim). Per group: a heading, counts, first/last seen, hosts, and one block
 * with the rows logged just before the traceback followed by the traceback itself.
 */
public final class MarkdownReportWriter extends OrderedReportWriter {

    public enum Flavor { GITHUB, JIRA }

    static final int HEADING_CHARS = 160;
    static final int CELL_CHARS = 120;
    /** Marks context rows of the same process (inside the code block, so it is never markup). */
    static final String SAME_PROCESS = "*";

    private final Writer out;
    private final Flavor flavor;

    public MarkdownReportWriter(Writer out, Flavor flavor) {
        this.out = out instanceof StringWriter ? out : new BufferedWriter(out, 1 << 16);
        this.flavor = flavor;
    }

    /** One group on its own (the app's "Copy as Markdown"), without the document's title. */
    public static String toMarkdown(ReportGroup group, Flavor flavor) {
        StringWriter text = new StringWriter();
        try {
            new MarkdownReportWriter(text, flavor).writeGroup(group, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    @Override
    void writeBegin(ReportHeader header) throws IOException {
        out.write(heading(1) + inline(header.title(), HEADING_CHARS) + "\n\n");
        out.write(fact("Filter", header.filter().isEmpty() ? "none (everything)" : inline(header.filter(), 1000)));
        out.write(fact("Range", inline(ReportTimes.range(header.since(), header.until()), 200)));
        out.write(fact("Made", ReportTimes.time(header.generatedAt()) + " UTC"));
        if (!header.history().buckets().isEmpty()) {
            out.write(fact("Occurrences", String.format(Locale.ROOT, "%,d", header.history().total())));
        }
        out.write('\n');
    }

    /** {@inheritDoc} A rank of 0 writes the group alone, unnumbered ({@link #toMarkdown}). */
    @Override
    void writeGroup(ReportGroup group, long rank) throws IOException {
        String title = group.exceptionType().isEmpty() ? "(cut off before the exception)"
                : inline(group.exceptionType(), HEADING_CHARS);
        String message = inline(group.message(), HEADING_CHARS);
        out.write(heading(2) + (rank > 0 ? rank + ". " : "") + title + (message.isEmpty() ? "" : ": " + message) + "\n\n");
        out.write(fact("Count", Long.toString(group.count())));
        out.write(fact("First seen", ReportTimes.time(group.firstSeen()) + " UTC"));
        out.write(fact("Last seen", ReportTimes.time(group.lastSeen()) + " UTC"));
        out.write(fact("Hosts", names(group.hosts())));
        out.write(fact("Programs", names(group.programs())));
        out.write(fact("Fingerprint", inline(group.fingerprint(), 100)));
        Traceback rep = group.representative();
        out.write(fact("Language", inline(rep.language(), 20)));
        out.write('\n');
        if (!rep.context().isEmpty()) {
            out.write(emphasis("Rows " + inline(rep.host(), 100) + " " + inline(rep.program(), 100)
                    + " logged just before (" + inline(SAME_PROCESS, 1) + " = same process), then the traceback:") + "\n\n");
        }
        writeBlock(block(rep));
        if (rep.truncated()) {
            out.write(emphasis("Cut off before the exception line.") + "\n\n");
        }
        writeTickets(group);
        writeOccurrences(group);
    }

    private void writeTickets(ReportGroup group) throws IOException {
        if (group.tickets().isEmpty()) {
            return;
        }
        out.write("Known tickets:\n\n");
        for (TicketMatch m : group.tickets()) {
            String key = inline(m.ticket().key(), 40);
            String link = !ReportGroup.linkable(m.ticket().url()) ? key
                    : flavor == Flavor.JIRA ? "[" + key + "|" + m.ticket().url().replace("|", "%7C").replace("]", "%5D") + "]"
                    : "[" + key + "](" + m.ticket().url().replace(")", "%29").replace(" ", "%20") + ")";
            out.write("- " + link + " " + inline(m.ticket().title(), CELL_CHARS) + " (" + inline(m.ticket().status(), 40) + ")"
                    + (m.linked() ? ", created from this group" : "")
                    + (m.sharedWords().isEmpty() ? "" : ", shares: " + inline(String.join(" ", m.sharedWords()), CELL_CHARS))
                    + "\n");
        }
        out.write('\n');
    }

    private String block(Traceback rep) {
        StringBuilder sb = new StringBuilder();
        for (ContextLine line : rep.context()) {
            sb.append(ReportTimes.time(line.timestamp())).append(line.sameProcess() ? " " + SAME_PROCESS + " " : "   ")
                    .append(line.message()).append('\n');
        }
        return LogText.visible(sb.append(rep.text()).toString(), true);
    }

    private void writeBlock(String text) throws IOException {
        if (flavor == Flavor.JIRA) {
            out.write("{noformat}\n" + MarkdownText.noformat(text) + "\n{noformat}\n\n");
        } else {
            String fence = MarkdownText.fenceFor(text);
            out.write(fence + "text\n" + text + "\n" + fence + "\n\n");
        }
    }

    private void writeOccurrences(ReportGroup group) throws IOException {
        if (group.occurrences().isEmpty()) {
            return;
        }
        out.write("Occurrences: " + group.count()
                + (group.occurrences().size() < group.count() ? " (" + group.occurrences().size() + " listed)" : "")
                + "\n\n");
        List<String> columns = List.of("Time (UTC)", "Host", "Program", "Message", "Archive", "Row");
        if (flavor == Flavor.JIRA) {
            out.write("||" + String.join("||", columns) + "||\n");
        } else {
            out.write("| " + String.join(" | ", columns) + " |\n|" + "---|".repeat(columns.size()) + "\n");
        }
        for (Traceback t : group.occurrences()) {
            List<String> cells = List.of(ReportTimes.time(t.timestamp()), inline(t.host(), CELL_CHARS),
                    inline(t.program(), CELL_CHARS), inline(t.message(), CELL_CHARS), inline(t.archive(), CELL_CHARS),
                    Long.toString(t.row()));
            // Jira needs something in a cell, or the row loses a column.
            out.write("| " + String.join(" | ", cells.stream().map(c -> c.isEmpty() ? " " : c).toList()) + " |\n");
        }
        out.write('\n');
    }

    @Override
    void writeEnd(long groups, long occurrences) throws IOException {
        if (groups == 0) {
            out.write(emphasis("No tracebacks match this filter.") + "\n");
        } else {
            out.write(flavor == Flavor.JIRA ? "----\n" : "---\n\n");
            out.write(emphasis(String.format(Locale.ROOT, "%,d groups, %,d occurrences.", groups, occurrences)) + "\n");
        }
        out.flush();
    }

    private String heading(int level) {
        return flavor == Flavor.JIRA ? "h" + level + ". " : "#".repeat(level) + " ";
    }

    private String fact(String name, String value) {
        return flavor == Flavor.JIRA ? "* *" + name + ":* " + value + "\n" : "- **" + name + ":** " + value + "\n";
    }

    private String emphasis(String text) {
        return "_" + text + "_";
    }

    private String inline(String text, int max) {
        return MarkdownText.inline(text, max, flavor);
    }

    private String names(List<String> names) {
        List<String> shown = names.size() > HtmlReportWriter.HOSTS_SHOWN ? names.subList(0, HtmlReportWriter.HOSTS_SHOWN) : names;
        String list = String.join(", ", shown.stream().map(n -> inline(n, CELL_CHARS)).toList());
        return names.size() > shown.size() ? list + " and " + (names.size() - shown.size()) + " more" : list;
    }
}
