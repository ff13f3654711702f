package dev.tracelens.archive;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything the reader says, for assertions. */
class RecordingHandler implements RowHandler {
    final List<LogLine> rows = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final List<ArchiveSummary> summaries = new ArrayList<>();

    @Override
    public void onRow(RowView row) {
        rows.add(row.toLogLine());
        messages.add(row.message());
        events.add("row " + row.archive() + ":" + row.rowNumber());
    }

    @Override
    public void onProblem(Problem problem) {
        problems.add(problem);
        events.add("problem " + problem.kind() + " " + problem.archive() + ":" + problem.row());
    }

    @Override
    public void onArchiveStart(String archive, long sizeBytes) {
        events.add("start " + archive);
    }

    @Override
    public void onArchiveEnd(ArchiveSummary summary) {
        summaries.add(summary);
        events.add("end " + summary.archive());
    }

    List<Long> ids() {
        return rows.stream().map(LogLine::id).toList();
    }

    List<Problem> problems(Problem.Kind kind) {
        return problems.stream().filter(p -> p.kind() == kind).toList();
    }
}
