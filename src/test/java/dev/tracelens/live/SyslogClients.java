package dev.tracelens.live;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real syslog clients for the tests: Python's logging.handlers.SysLogHandler and util-linux logger. */
public final class SyslogClients {
    private SyslogClients() {
    }

    public static boolean hasPython() {
        return runs("python3", "--version");
    }

    public static boolean hasLogger() {
        return runs("logger", "--version");
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs a Python program that raises a real exception and logs it with {@code logger.exception}
     * through a {@code SysLogHandler} (UDP, or TCP when {@code tcp}), {@code times} times.
     *
     * @param ident the handler's ident (a syslog tag such as {@code "billing: "}), or "" for none
     */
    public static void pythonTraceback(Path work, InetSocketAddress to, boolean tcp, String ident, int times)
            throws IOException, InterruptedException {
        String script = """
                import logging, logging.handlers, socket, sys, time
                host, port, tcp, ident, times = sys.argv[1], int(sys.argv[2]), sys.argv[3] == 'tcp', sys.argv[4], int(sys.argv[5])
                handler = logging.handlers.SysLogHandler(address=(host, port),
                    socktype=socket.SOCK_STREAM if tcp else socket.SOCK_DGRAM)
                handler.ident = ident
                log = logging.getLogger('billing')
                log.addHandler(handler)
                log.setLevel(logging.INFO)

                def parse_amount(text):
                    return int(text)

                def charge(order):
                    return parse_amount(order['amount'])

                for i in range(times):
                    log.info('charging order %d', i)
                    try:
                        charge({'amount': 'twelve'})
                    except ValueError:
                        log.exception('charge failed for order %d', i)
                    if not tcp:
                        time.sleep(0.002)
                log.info('done')
                handler.close()
                """;
        Path file = work.resolve("send_traceback.py");
        Files.writeString(file, script);
        run(List.of("python3", file.toString(), to.getHostString(), Integer.toString(to.getPort()),
                tcp ? "tcp" : "udp", ident, Integer.toString(times)));
    }

    /** util-linux {@code logger} sending one message to {@code to} with the given extra options. */
    public static void logger(InetSocketAddress to, String message, String... options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("logger", "-n", to.getHostString(), "-P",
                Integer.toString(to.getPort())));
        command.addAll(List.of(options));
        command.add(message);
        run(command);
    }

    /** util-linux {@code logger} sending every line of {@code input} as a message (as it reads stdin). */
    public static void loggerLines(InetSocketAddress to, String input, String... options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("logger", "-n", to.getHostString(), "-P",
                Integer.toString(to.getPort())));
        command.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Process p = pb.start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        finish(p, command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        finish(new ProcessBuilder(command).redirectErrorStream(true).start(), command);
    }

    private static void finish(Process p, List<String> command) throws IOException, InterruptedException {
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command + " did not finish");
        }
        if (p.exitValue() != 0) {
            throw new IOException(command + " failed (" + p.exitValue() + "): " + output);
        }
    }
}
