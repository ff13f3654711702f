package dev.tracelens.engine;

import dev.tracelens.live.ListenAddress;
import dev.tracelens.live.SyslogReceiver;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.TraceOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The app's Live toggle: a syslog listener on the given addresses feeding the store through
 * {@link LiveService}, as {@code tracelens listen} does. Started by {@link #start}, stopped by
 * {@link #close()} (which commits what was received).
 */
public final class LiveSession implements AutoCloseable {
    private final LiveService service;
    private final SyslogReceiver receiver;

    private LiveSession(LiveService service, SyslogReceiver receiver) {
        this.service = service;
        this.receiver = receiver;
    }

    /**
     * Listens on {@code addresses} ({@code udp://HOST:PORT,tcp://HOST:PORT}) into {@code store},
     * spooling in the store's {@link LiveService#defaultSpool spool}.
     *
     * @throws IllegalArgumentException when the addresses cannot be read
     * @throws IOException              when the spool cannot be used or an address cannot be bound
     */
    public static LiveSession start(TracebackIndex store, Path storeDir, String addresses, int contextRows,
                                    TraceOptions tracing, Consumer<String> errors) throws IOException {
        List<ListenAddress> parsed = ListenAddress.parseList(addresses);
        ImportService importer = new ImportService(store, contextRows, dev.tracelens.archive.ReaderOptions.defaults(), tracing);
        LiveService service = new LiveService(importer, LiveService.defaultSpool(storeDir), "syslog",
                LiveService.Settings.DEFAULT, new LiveService.Listener() {
                    @Override
                    public void onError(String message) {
                        errors.accept(message);
                    }
                });
        service.start();
        SyslogReceiver receiver = new SyslogReceiver(parsed, service.queue());
        try {
            receiver.start();
        } catch (IOException e) {
            service.close();
            throw e;
        }
        return new LiveSession(service, receiver);
    }

    /** The addresses actually bound (a port 0 resolved), as {@code udp://127.0.0.1:5514}. */
    public List<String> addresses() {
        return receiver.boundAddresses().stream().map(Object::toString).toList();
    }

    /** Rows received, rate, dropped, committed, tracebacks. */
    public LiveService.Status status() {
        return service.status();
    }

    @Override
    public void close() {
        receiver.close();
        service.close();
    }
}
