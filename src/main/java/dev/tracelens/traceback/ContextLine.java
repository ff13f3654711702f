package dev.tracelens.traceback;

import java.time.Instant;

/**
 * A row that the same host and program logged just before a traceback's header.
 * {@code sameProcess} is true when the row names the same process id as the traceback's
 * header row (e.g. {@code 20286/MainThread}, {@code [20286]}, {@code pid=20286}): those rows
 * usually say what went wrong.
 */
public record ContextLine(long id, Instant timestamp, String message, boolean sameProcess) {
}
