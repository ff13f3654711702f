package dev.tracelens.cli;

import dev.tracelens.engine.LiveService;
import dev.tracelens.live.RowQueue;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** What {@code listen} and {@code tail} share: the spool, batching, the queue bound, how long to run. */
final class LiveOptions {
    @Option(names = "--spool", paramLabel = "DIR",
            description = "Folder for the received rows before they are imported (default: the store's folder + \"-live\").")
    Path spool;

    @Option(names = "--batch-rows", paramLabel = "N", description = "Commit at least every N rows (default: ${DEFAULT-VALUE}).")
    int batchRows = LiveService.Settings.DEFAULT.batchRows();

    @Option(names = "--batch-ms", paramLabel = "MS",
            description = "Commit at most this long after a batch's first row (default: ${DEFAULT-VALUE}).")
    long batchMillis = LiveService.Settings.DEFAULT.batchAge().toMillis();

    @Option(names = "--queue", paramLabel = "ROWS",
            description = "Rows held in memory at most while the spool catches up; more are dropped and counted (default: ${DEFAULT-VALUE}).")
    int queueRows = RowQueue.DEFAULT_ROWS;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Stop after this many seconds (default: run until interrupted, Ctrl+C).")
    long durationSeconds;

    @Option(names = "--status-every", paramLabel = "SECONDS", description = "Print a status line this often (default: ${DEFAULT-VALUE}; 0: never).")
    long statusSeconds = 10;

    LiveService.Settings settings() {
        return new LiveService.Settings(batchRows, Duration.ofMillis(batchMillis), queueRows);
    }

    Path spool(Path store) {
        return spool != null ? spool : LiveService.defaultSpool(store);
    }

    /** A status line: rows received, rate, dropped, committed, tracebacks. */
    static String line(LiveService.Status s) {
        return String.format("%,d rows received (%,.0f/s), %,d dropped (queue full), %,d committed in %,d batch file(s),"
                        + " %,d tracebacks written", s.received(), s.rowsPerSecond(), s.dropped(), s.committedRows(),
                s.segments(), s.tracebacks());
    }
}
