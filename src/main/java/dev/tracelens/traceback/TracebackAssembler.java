package dev.tracelens.traceback;

import dev.tracelens.archive.RowHandler;
import dev.tracelens.archive.RowView;

import java.util.function.Consumer;

/**
 * Rebuilds Python tracebacks from archive rows, per source (host + program), with the rows each
 * source logged before them as context.
 *
 * <p>SKELETON: the implementation lands with the traceback work.
 */
public final class TracebackAssembler implements RowHandler {

    public static final int DEFAULT_CONTEXT_ROWS = 50;

    public TracebackAssembler(int contextRows, Consumer<Traceback> out) {
    }

    @Override
    public void onRow(RowView row) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Emits every traceback still open, flagged truncated. Call once after the last input. */
    public void finish() {
        throw new UnsupportedOperationException("not yet");
    }
}
