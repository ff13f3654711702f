package dev.tracelens.ui.engine;

/** What one import did. */
public record ImportOutcome(int archivesImported, int archivesSkipped, long rows, long badRows, long tracebacks) {
}
