package dev.tracelens.report;

import dev.tracelens.traceback.Traceback;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * RFC 4180 CSV (via commons-csv) with a header row: one row per listed occurrence, or one per
 * group ({@link By#GROUP}). CSV files get opened in spreadsheets, which run a cell starting
 * with {@code =}, {@code +}, {@code -} or {@code @} as a formula ({@code =cmd|' /C calc'!A0}):
 * such cells, and those starting with a tab or carriage return, get a leading {@code '} as
 * OWASP recommends. Cells longer than a spreadsheet cell can hold are cut, with a marker.
 */
public final class CsvReportWriter extends OrderedReportWriter {

    public enum By { OCCURRENCE, GROUP }

    /** Excel's limit is 32,767 characters per cell; keep room for the marker. */
    static final int MAX_CELL = 32_000;
    static final String CUT_MARKER = "…[cut]";
    static final String[] OCCURRENCE_COLUMNS = {"fingerprint", "exception_type", "id", "first_id", "timestamp", "host",
            "program", "message", "archive", "row", "truncated", "text", "language"};
    static final String[] GROUP_COLUMNS = {"fingerprint", "exception_type", "message", "count", "first_seen",
            "last_seen", "hosts", "programs"};

    private final CSVPrinter csv;
    private final By by;

    public CsvReportWriter(Writer out, By by) throws IOException {
        this.by = by;
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(by == By.GROUP ? GROUP_COLUMNS : OCCURRENCE_COLUMNS)
                .get();
        csv = new CSVPrinter(new BufferedWriter(out, 1 << 16), format);
    }

    @Override
    void writeBegin(ReportHeader header) {
        // the header row is printed by the format itself
    }

    @Override
    void writeGroup(ReportGroup group, long rank) throws IOException {
        if (by == By.GROUP) {
            csv.printRecord(cell(group.fingerprint()), cell(group.exceptionType()), cell(group.message()),
                    group.count(), time(group.firstSeen()), time(group.lastSeen()),
                    cell(String.join(" ", group.hosts())), cell(String.join(" ", group.programs())));
            return;
        }
        for (Traceback t : group.occurrences()) {
            csv.printRecord(cell(group.fingerprint()), cell(t.exceptionType()), t.id(), t.firstId(),
                    time(t.timestamp()), cell(t.host()), cell(t.program()), cell(t.message()), cell(t.archive()),
                    t.row(), t.truncated(), cell(t.text()), cell(t.language()));
        }
    }

    @Override
    void writeEnd(long groups, long occurrences) throws IOException {
        csv.flush();
    }

    /** A text cell, made visible, neutralised against formula injection and cut to fit a cell. */
    static String cell(String value) {
        String v = LogText.visible(value, true);
        if (v.length() > MAX_CELL) {
            v = LogText.cut(v, MAX_CELL) + CUT_MARKER;
        }
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            return "'" + v;
        }
        return v;
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString();
    }
}
