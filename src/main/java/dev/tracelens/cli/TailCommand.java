package dev.tracelens.cli;

import dev.tracelens.common.UserDirs;
import dev.tracelens.common.VisibleText;
import dev.tracelens.engine.LiveService;
import dev.tracelens.live.PapertrailTail;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.TracebackAssembler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code tracelens tail --papertrail}: Papertrail's search API into the store, live. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Follows Papertrail's search API (new events after the last one seen, min_id paging) and imports"
                + " them as they arrive, through the same spool and assembler as listen: tracebacks are rebuilt per host"
                + " and program and committed in batches. Rows keep Papertrail's ids, so the hourly archive imported later"
                + " replaces them instead of doubling them.",
                "The token comes from PAPERTRAIL_API_TOKEN, else papertrail.token in the credentials file; it is never"
                        + " printed. HTTP 429 waits as Retry-After says. Stop with Ctrl+C."})
public final class TailCommand extends StoreCommand {

    @Option(names = "--papertrail", required = true, description = "Follow Papertrail (the one source for now).")
    boolean papertrail;

    @Option(names = "--papertrail-api", paramLabel = "URL", description = "The API's address (default: https://papertrailapp.com).")
    URI api = PapertrailTail.PUBLIC_API;

    @Option(names = "--query", paramLabel = "SEARCH", description = "Only events matching this Papertrail search.")
    String query;

    @Option(names = "--poll-ms", paramLabel = "MS", description = "Wait between polls when caught up (default: ${DEFAULT-VALUE}).")
    long pollMillis = 2000;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "A properties file with papertrail.token (default: ~/.config/tracelens/credentials.properties).")
    Path credentials;

    @Mixin
    LiveOptions live = new LiveOptions();

    @Option(names = "--context", paramLabel = "ROWS", description = "Rows of context kept per traceback (default: ${DEFAULT-VALUE}).")
    int contextRows = TracebackAssembler.DEFAULT_CONTEXT_ROWS;

    @Mixin
    TraceArguments tracing = new TraceArguments();

    @Override
    int execute() {
        String token = System.getenv("PAPERTRAIL_API_TOKEN");
        Path file = credentials != null ? credentials : UserDirs.current().config().resolve("credentials.properties");
        if (token == null || token.isBlank()) {
            token = fileToken(file);
        }
        PrintWriter err = err();
        if (token == null || token.isBlank()) {
            err.println("tracelens tail: no Papertrail token; set PAPERTRAIL_API_TOKEN or papertrail.token in " + file);
            return FAILED;
        }
        LiveService.Settings settings;
        try {
            settings = live.settings();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        try (TracebackIndex store = openForWriting()) {
            LiveService service = live.start("tail", "papertrail", store, storeOptions.directory(), contextRows,
                    tracing.options(), settings, err);
            if (service == null) {
                return FAILED;
            }
            CountDownLatch stop = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicBoolean refused = new java.util.concurrent.atomic.AtomicBoolean();
            PapertrailTail tail = new PapertrailTail(api, token, query, service.lastId(), service.queue(),
                    Duration.ofMillis(pollMillis), d -> Thread.sleep(d.toMillis()), message -> {
                        err.println("papertrail: " + VisibleText.of(message, false));
                        err.flush();
                        if (message.contains("was not accepted")) {
                            refused.set(true);
                            stop.countDown();
                        }
                    });
            tail.start();
            err.println("following " + api + "/api/v1/events/search.json" + (service.lastId() > 0 ? " after id " + service.lastId() : "")
                    + "; spool " + service.spoolDirectory() + "; store " + storeOptions.directory().toAbsolutePath());
            err.flush();
            Thread hook = new Thread(stop::countDown);
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                long end = live.durationSeconds > 0 ? System.nanoTime() + live.durationSeconds * 1_000_000_000L : Long.MAX_VALUE;
                while (true) {
                    long left = (end - System.nanoTime()) / 1_000_000;
                    long every = live.statusSeconds > 0 ? live.statusSeconds * 1000 : Long.MAX_VALUE / 4;
                    if (left <= 0 || stop.await(Math.min(left, every), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                    err.println(LiveOptions.line(service.status()));
                    err.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down already
                }
            }
            tail.close();
            service.close();
            LiveService.Status s = service.status();
            err.println("stopped: " + tail.events() + " event(s) from Papertrail"
                    + (tail.rateLimited() > 0 ? ", " + tail.rateLimited() + " rate-limited request(s) waited out" : "")
                    + "; " + LiveOptions.line(s));
            return s.lastError() == null && !refused.get() ? OK : FAILED;
        }
    }

    private static String fileToken(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return p.getProperty("papertrail.token");
    }
}
