package dev.tracelens.cli;

import dev.tracelens.common.VisibleText;
import dev.tracelens.engine.LiveService;
import dev.tracelens.live.ListenAddress;
import dev.tracelens.live.SyslogReceiver;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.TracebackAssembler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code tracelens listen --syslog udp://127.0.0.1:5514,tcp://127.0.0.1:5514}: syslog into the store, live. */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = {"Receives syslog (RFC 3164 and RFC 5424; UDP, and TCP octet-counted or newline-framed) and"
                + " imports it into the store as it arrives: tracebacks are rebuilt per host and program as in an"
                + " archive and committed in batches.",
                "Rows go to a spool folder first, so a restart loses and duplicates nothing that reached it; rows"
                        + " beyond the in-memory queue are dropped and counted. Stop with Ctrl+C."})
public final class ListenCommand extends StoreCommand {

    @Option(names = "--syslog", required = true, paramLabel = "ADDRESSES",
            description = "Where to listen, comma-separated: udp://HOST:PORT and tcp://HOST:PORT "
                    + "(e.g. udp://127.0.0.1:5514,tcp://127.0.0.1:5514).")
    String syslog;

    @Mixin
    LiveOptions live = new LiveOptions();

    @Option(names = "--context", paramLabel = "ROWS", description = "Rows of context kept per traceback (default: ${DEFAULT-VALUE}).")
    int contextRows = TracebackAssembler.DEFAULT_CONTEXT_ROWS;

    @Mixin
    TraceArguments tracing = new TraceArguments();

    @Override
    int execute() {
        List<ListenAddress> addresses;
        LiveService.Settings settings;
        try {
            addresses = ListenAddress.parseList(syslog);
            settings = live.settings();
        } catch (IllegalArgumentException e) {
            throw usage("--syslog: " + e.getMessage());
        }
        PrintWriter err = err();
        try (TracebackIndex store = openForWriting()) {
            LiveService service = live.start("listen", "syslog", store, storeOptions.directory(), contextRows,
                    tracing.options(), settings, err);
            if (service == null) {
                return FAILED;
            }
            SyslogReceiver receiver = new SyslogReceiver(addresses, service.queue());
            try {
                receiver.start();
            } catch (IOException e) {
                service.close();
                err.println("tracelens listen: " + VisibleText.of(e.getMessage(), false));
                return FAILED;
            }
            err.println("listening on " + String.join(", ", receiver.boundAddresses().stream().map(Object::toString).toList())
                    + "; spool " + service.spoolDirectory() + "; store " + storeOptions.directory().toAbsolutePath());
            err.flush();
            CountDownLatch stop = new CountDownLatch(1);
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                stop.countDown();
                try {
                    stopped.await(30, TimeUnit.SECONDS); // let the main thread drain, seal and commit
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                waitForStop(stop, service, err);
                receiver.close();
                service.close();
                LiveService.Status s = service.status();
                err.println("stopped: " + LiveOptions.line(s));
                if (s.dropped() > 0) {
                    err.println(String.format("warning: %,d rows were dropped because the queue of %,d rows was full;"
                            + " raise --queue or lower the rate", s.dropped(), settings.queueRows()));
                }
                return s.lastError() == null ? OK : FAILED;
            } finally {
                stopped.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down already: the hook is running
                }
            }
        }
    }

    private void waitForStop(CountDownLatch stop, LiveService service, PrintWriter err) {
        long end = live.durationSeconds > 0 ? System.nanoTime() + live.durationSeconds * 1_000_000_000L : Long.MAX_VALUE;
        long every = live.statusSeconds > 0 ? live.statusSeconds * 1000 : Long.MAX_VALUE / 4;
        try {
            while (true) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0 || stop.await(Math.min(left, every), TimeUnit.MILLISECONDS)) {
                    return;
                }
                if (live.statusSeconds > 0) {
                    err.println(LiveOptions.line(service.status()));
                    err.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
