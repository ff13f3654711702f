package dev.tracelens.cli;

import dev.tracelens.common.VisibleText;
import dev.tracelens.engine.ImportService;
import dev.tracelens.engine.LiveService;
import dev.tracelens.store.ImportResult;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.TraceOptions;
import dev.tracelens.live.RowQueue;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
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

    /**
     * Starts the live service of {@code command} on the store's spool, importing first what an
     * earlier run left there; errors while running go to {@code err}.
     *
     * @return null when the spool cannot be used (said on {@code err})
     */
    LiveService start(String command, String source, TracebackIndex store, Path storeDir, int contextRows,
                      TraceOptions tracing, LiveService.Settings settings, PrintWriter err) {
        ImportService importer = new ImportService(store, contextRows, dev.tracelens.archive.ReaderOptions.defaults(),
                tracing);
        LiveService service = new LiveService(importer, spool(storeDir), source, settings, new LiveService.Listener() {
            @Override
            public void onError(String message) {
                err.println("error: " + VisibleText.of(message, false));
                err.flush();
            }
        });
        ImportResult caughtUp;
        try {
            caughtUp = service.start();
        } catch (IOException e) {
            err.println("tracelens " + command + ": cannot use the spool " + service.spoolDirectory() + ": "
                    + VisibleText.of(String.valueOf(e.getMessage()), false));
            return null;
        }
        if (caughtUp != null && !caughtUp.imported().isEmpty()) {
            err.println(String.format("imported %d spooled batch file(s) left from before (%,d rows)",
                    caughtUp.imported().size(), caughtUp.rows()));
        }
        return service;
    }

    /** A status line: rows received, rate, dropped, committed, tracebacks. */
    static String line(LiveService.Status s) {
        return String.format("%,d rows received (%,.0f/s), %,d dropped (queue full), %,d committed in %,d batch file(s),"
                        + " %,d tracebacks written", s.received(), s.rowsPerSecond(), s.dropped(), s.committedRows(),
                s.segments(), s.tracebacks());
    }
}
