package dev.tracelens.trackers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server standing in for Jira, GitHub or Papertrail in contract tests: it answers
 * what the test's handler says, in the shapes the services document, and records every request.
 * It is not the real service.
 */
public final class TrackerServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Request(String method, URI uri, String authorization, String body, com.sun.net.httpserver.Headers headers) {
        public String header(String name) {
            return headers.getFirst(name);
        }

        public String query() {
            return uri.getRawQuery() == null ? "" : java.net.URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8);
        }
    }

    /** One answer. */
    public record Answer(int status, String body, List<String> headers) {
        public static Answer json(String body, String... headers) {
            return new Answer(200, body, List.of(headers));
        }

        public static Answer status(int status, String body, String... headers) {
            return new Answer(status, body, List.of(headers));
        }
    }

    @FunctionalInterface
    public interface Handler {
        Answer answer(Request request) throws IOException;
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Handler handler = r -> Answer.status(404, "{\"message\":\"Not Found\"}");

    public TrackerServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void answer(Handler h) {
        handler = h;
    }

    public List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request r = new Request(ex.getRequestMethod(), ex.getRequestURI(), ex.getRequestHeaders().getFirst("Authorization"), body,
                    ex.getRequestHeaders());
            requests.add(r);
            Answer a = handler.answer(r);
            for (int i = 0; i + 1 < a.headers().size(); i += 2) {
                ex.getResponseHeaders().add(a.headers().get(i), a.headers().get(i + 1).replace("{base}", uri().toString()));
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            byte[] bytes = a.body().replace("{base}", uri().toString()).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
