package dev.tracelens.report;

import dev.tracelens.traceback.ContextLine;
import dev.tracelens.tickets.TicketMatch;
import dev.tracelens.traceback.Traceback;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained HTML file: inline CSS, inline SVG, no script and nothing fetched, so it can
 * be attached to an incident and opened (or printed) anywhere. Every piece of log text is
 * escaped; the markup is also well-formed XML.
 *
 * <p>The summary table comes before the groups' details but both are produced from the same
 * stream of groups: summary rows go straight to the output while the details are spooled to a
 * temporary file that is appended at {@link #end()}. Memory stays at one group whatever the
 * number of groups; the spool file is deleted on {@link #end()} or {@link #close()}.
 */
public final class HtmlReportWriter extends OrderedReportWriter {
    static final int TITLE_CHARS = 200;
    static final int CELL_CHARS = 160;
    static final int HOSTS_SHOWN = 5;
    /** Groups whose context rows show open; those of the others fold under their summary line. */
    static final int OPEN_CONTEXTS = 3;
    private static final String CSS = loadCss();

    private final Writer out;
    private final Path spoolDir;
    private Path spoolFile;
    private Writer details;
    private ReportHeader header;

    /** Spools details in {@code spoolDir} (e.g. next to the report, on the same disk). */
    public HtmlReportWriter(Writer out, Path spoolDir) {
        this.out = new BufferedWriter(out, 1 << 16);
        this.spoolDir = spoolDir;
    }

    @Override
    void writeBegin(ReportHeader header) throws IOException {
        this.header = header;
        spoolFile = Files.createTempFile(spoolDir, "tracelens-report-", ".html.part");
        details = Files.newBufferedWriter(spoolFile, StandardCharsets.UTF_8);
        String title = LogText.oneLine(header.title(), TITLE_CHARS);
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        // Defence in depth: should any log text ever slip through unescaped, the browser still
        // runs no script and fetches nothing.
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        out.write("<meta name=\"generator\" content=\"Tracelens\"/>\n");
        out.write("<title>" + Html.escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n");
        out.write("<header>\n<h1>" + Html.escape(title) + "</h1>\n<p class=\"meta\">");
        out.write("<span><b>Filter</b> <span class=\"filter\">"
                + (header.filter().isEmpty() ? "none (everything)" : Html.text(header.filter())) + "</span></span> ");
        out.write("<span><b>Range</b> " + Html.escape(ReportTimes.range(header.since(), header.until())) + "</span> ");
        out.write("<span><b>Made</b> <time datetime=\"" + header.generatedAt() + "\">"
                + ReportTimes.time(header.generatedAt()) + " UTC</time></span></p>\n</header>\n");
        out.write("<section class=\"overview\">\n<h2>Occurrences over time</h2>\n");
        out.write(new SvgChart(720, 150, true).render(header.history(), "chart-all", "Occurrences"));
        out.write("\n</section>\n<section class=\"summary\">\n<h2>Groups</h2>\n<table>\n<thead><tr>"
                + "<th class=\"n\">#</th><th>Type</th><th>Message</th><th class=\"n\">Count</th><th>Hosts</th>"
                + "<th>First seen (UTC)</th><th>Last seen (UTC)</th></tr></thead>\n<tbody>\n");
    }

    @Override
    void writeGroup(ReportGroup group, long rank) throws IOException {
        String anchor = "g" + rank;
        out.write("<tr><td class=\"n\">" + rank + "</td><td class=\"type\"><a href=\"#" + anchor + "\">"
                + typeOf(group) + "</a></td><td class=\"msg\">" + Html.oneLine(group.message(), CELL_CHARS)
                + "</td><td class=\"n\">" + group.count() + "</td><td>" + ids(group.hosts(), HOSTS_SHOWN)
                + "</td><td class=\"t\">" + ReportTimes.time(group.firstSeen()) + "</td><td class=\"t\">"
                + ReportTimes.time(group.lastSeen()) + "</td></tr>\n");
        writeDetails(details, group, anchor, rank);
    }

    private static void writeDetails(Writer w, ReportGroup group, String anchor, long rank) throws IOException {
        Traceback rep = group.representative();
        w.write("<article class=\"group\" id=\"" + anchor + "\">\n<h3><span class=\"rank\">#" + rank
                + "</span> <span class=\"type\">" + typeOf(group) + "</span>");
        String message = LogText.oneLine(group.message(), TITLE_CHARS);
        if (!message.isEmpty()) {
            w.write(": " + Html.escape(message));
        }
        w.write("</h3>\n<p class=\"facts\"><span><b>Count</b> " + group.count() + "</span> <span><b>First seen</b> "
                + ReportTimes.time(group.firstSeen()) + "</span> <span><b>Last seen</b> "
                + ReportTimes.time(group.lastSeen()) + " UTC</span> <span><b>Hosts</b> "
                + ids(group.hosts(), Integer.MAX_VALUE) + "</span> <span><b>Programs</b> "
                + Html.escape(String.join(", ", cleaned(group.programs()))) + "</span> <span><b>Fingerprint</b> "
                + "<span class=\"fp\">" + Html.text(group.fingerprint()) + "</span></span></p>\n");
        if (!group.history().buckets().isEmpty()) {
            w.write(new SvgChart(560, 96, true).render(group.history(), "chart-" + anchor, "Occurrences of this group"));
            w.write('\n');
        }
        w.write("<div class=\"trace\">\n");
        if (!rep.context().isEmpty()) {
            // Collapsible: a long report reads as tracebacks; the first groups' context is open.
            long same = rep.context().stream().filter(ContextLine::sameProcess).count();
            w.write("<details class=\"context\"" + (rank <= OPEN_CONTEXTS ? " open=\"open\"" : "")
                    + " title=\"Rows the same host and program logged just before\">\n<summary>Context: "
                    + rep.context().size() + (rep.context().size() == 1 ? " row" : " rows") + " logged before it"
                    + (same > 0 ? " (" + same + " of the same process)" : "") + "</summary>\n");
            for (ContextLine line : rep.context()) {
                w.write("<div class=\"ctx" + (line.sameProcess() ? " same" : "") + "\"><span class=\"t\">"
                        + ReportTimes.time(line.timestamp()) + "</span>  " + Html.block(line.message()) + "</div>\n");
            }
            w.write("</details>\n");
        }
        w.write("<pre class=\"tb\">");
        List<Traceback.TextLine> lines = rep.lines();
        for (int i = 0; i < lines.size(); i++) {
            Traceback.TextLine line = lines.get(i);
            String text = Html.block(line.text());
            w.write(switch (line.kind()) {
                case HEADER -> "<span class=\"hd\">" + text + "</span>";
                case OWN_FRAME -> "<span class=\"app\">" + text + "</span>";
                case LIBRARY_FRAME -> "<span class=\"lib\">" + text + "</span>";
                case OWN_CODE -> "<span class=\"code app\">" + text + "</span>";
                case LIBRARY_CODE -> "<span class=\"code lib\">" + text + "</span>";
                case EXCEPTION -> "<strong class=\"exc\">" + text + "</strong>";
                case CHAIN -> "<span class=\"chain\">" + text + "</span>";
                case GROUP_RULE -> "<span class=\"rule\">" + text + "</span>";
                case ELISION, OTHER -> text;
            });
            if (i < lines.size() - 1) {
                w.write('\n');
            }
        }
        w.write("</pre>\n");
        if (rep.truncated()) {
            w.write("<p class=\"note\">Cut off: the input ended (or the program logged something else) before the exception line.</p>\n");
        }
        w.write("</div>\n<p class=\"facts\">Shown: " + Html.text(rep.language()) + " traceback of " + Html.text(rep.host())
                + " " + Html.text(rep.program()) + ", "
                + Html.text(rep.archive()) + " row " + rep.row() + " (id " + rep.firstId() + ")</p>\n");
        writeTickets(w, group);
        writeOccurrences(w, group);
        w.write("</article>\n");
    }

    private static void writeTickets(Writer w, ReportGroup group) throws IOException {
        if (group.tickets().isEmpty()) {
            return;
        }
        w.write("<p class=\"facts\"><b>Known tickets</b></p>\n<ul class=\"tickets\">\n");
        for (TicketMatch m : group.tickets()) {
            String key = Html.text(m.ticket().key());
            w.write("<li>" + (ReportGroup.linkable(m.ticket().url())
                    ? "<a href=\"" + Html.escape(m.ticket().url()) + "\">" + key + "</a>" : key)
                    + " " + Html.oneLine(m.ticket().title(), CELL_CHARS) + " <span class=\"status\">("
                    + Html.text(m.ticket().status()) + ")</span>"
                    + (m.linked() ? ", created from this group" : "")
                    + (m.sharedWords().isEmpty() ? "" : " <span class=\"shared\">shares: "
                    + Html.oneLine(String.join(" ", m.sharedWords()), CELL_CHARS) + "</span>") + "</li>\n");
        }
        w.write("</ul>\n");
    }

    private static void writeOccurrences(Writer w, ReportGroup group) throws IOException {
        if (group.occurrences().isEmpty()) {
            return;
        }
        w.write("<table class=\"occ\">\n<caption>Occurrences: " + group.count()
                + (group.occurrences().size() < group.count() ? " (" + group.occurrences().size() + " listed)" : "")
                + "</caption>\n<thead><tr><th>Time (UTC)</th><th>Host</th><th>Program</th><th>Message</th>"
                + "<th>Archive</th><th class=\"n\">Row</th><th class=\"n\">Id</th></tr></thead>\n<tbody>\n");
        for (Traceback t : group.occurrences()) {
            w.write("<tr><td class=\"t\">" + ReportTimes.time(t.timestamp()) + "</td><td class=\"id\">" + Html.text(t.host())
                    + "</td><td>" + Html.text(t.program()) + "</td><td class=\"msg\">"
                    + Html.oneLine(t.message(), CELL_CHARS) + "</td><td>" + Html.text(t.archive())
                    + "</td><td class=\"n\">" + t.row() + "</td><td class=\"n\">" + t.firstId() + "</td></tr>\n");
        }
        w.write("</tbody>\n</table>\n");
    }

    @Override
    void writeEnd(long groups, long occurrences) throws IOException {
        if (groups == 0) {
            out.write("<tr><td colspan=\"7\" class=\"empty\">No tracebacks match this filter.</td></tr>\n");
        }
        out.write("</tbody>\n</table>\n</section>\n");
        details.close();
        details = null;
        if (groups > 0) {
            out.write("<section class=\"groups\">\n<h2>Tracebacks</h2>\n");
            out.flush();
            try (Reader spool = Files.newBufferedReader(spoolFile, StandardCharsets.UTF_8)) {
                spool.transferTo(out);
            }
            out.write("</section>\n");
        }
        out.write(String.format(Locale.ROOT, "<footer>%,d groups, %,d occurrences. Made by Tracelens on %s UTC.</footer>%n",
                groups, occurrences, ReportTimes.time(header.generatedAt())));
        out.write("</body>\n</html>\n");
        out.flush();
        close();
    }

    @Override
    public void close() throws IOException {
        if (details != null) {
            details.close();
            details = null;
        }
        if (spoolFile != null) {
            Files.deleteIfExists(spoolFile);
            spoolFile = null;
        }
    }

    private static String typeOf(ReportGroup group) {
        return group.exceptionType().isEmpty() ? "(cut off before the exception)" : Html.oneLine(group.exceptionType(), CELL_CHARS);
    }

    /** Up to {@link #HOSTS_SHOWN} names, then how many more: a group on 300 hosts must not fill the table. */
    static String names(List<String> names) {
        List<String> clean = cleaned(names);
        if (clean.size() <= HOSTS_SHOWN) {
            return String.join(", ", clean);
        }
        return String.join(", ", clean.subList(0, HOSTS_SHOWN)) + " and " + (clean.size() - HOSTS_SHOWN) + " more";
    }

    /** Escaped "a, b and 3 more" (up to {@code shown} names) with each name unbreakable: a host id must not wrap mid-id. */
    private static String ids(List<String> names, int shown) {
        List<String> clean = cleaned(names);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(shown, clean.size()); i++) {
            out.append(i > 0 ? ", " : "").append("<span class=\"id\">").append(Html.escape(clean.get(i))).append("</span>");
        }
        if (clean.size() > shown) {
            out.append(" and ").append(clean.size() - shown).append(" more");
        }
        return out.toString();
    }

    private static List<String> cleaned(List<String> names) {
        return names.stream().map(n -> LogText.oneLine(n, CELL_CHARS)).toList();
    }

    private static String loadCss() {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
