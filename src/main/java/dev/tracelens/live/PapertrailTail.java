package dev.tracelens.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Follows Papertrail's search API ({@code GET /api/v1/events/search.json}, header
 * {@code X-Papertrail-Token}) as {@code papertrail-cli -f} does: each request asks for the
 * events after {@code min_id} (the last id seen), the answer's {@code max_id} becomes the next
 * {@code min_id}; when {@code reached_record_limit} says there are more it asks again at once,
 * else it waits the poll interval. Events become {@link LiveRow}s with Papertrail's own ids (so
 * the hourly archive imported later replaces them), put into the {@link RowQueue} (waiting when
 * it is full: an API can be read more slowly, a syslog sender cannot).
 *
 * <p>HTTP 429 (and 503) wait as {@code Retry-After} says, else a doubling backoff from one
 * second up to a minute; 401/403 stop with an error naming the token's variable, never its value.
 * Runs on its own thread until {@link #close()}.
 */
public final class PapertrailTail implements AutoCloseable {
    public static final URI PUBLIC_API = URI.create("https://papertrailapp.com");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    /** Waits between requests; tests may shorten it. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final URI api;
    private final String token;
    private final String query;
    private final RowQueue queue;
    private final Duration pollInterval;
    private final Sleeper sleeper;
    private final Consumer<String> errors;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private final AtomicLong minId;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    /**
     * @param token   the API token (from {@code PAPERTRAIL_API_TOKEN}); only ever sent in its header
     * @param query   a Papertrail search query, or null for every event
     * @param afterId go on after this id (the spool's last, 0 to start at the newest events)
     * @param errors  told what stopped or slowed the tail, in words (never the token)
     */
    public PapertrailTail(URI api, String token, String query, long afterId, RowQueue queue, Duration pollInterval,
                          Sleeper sleeper, Consumer<String> errors) {
        this.api = api;
        this.token = token;
        this.query = query;
        this.minId = new AtomicLong(afterId);
        this.queue = queue;
        this.pollInterval = pollInterval;
        this.sleeper = sleeper;
        this.errors = errors;
    }

    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("papertrail-tail").daemon().start(this::run);
    }

    /** Events received so far. */
    public long events() {
        return events.get();
    }

    /** Requests answered with HTTP 429/503 so far. */
    public long rateLimited() {
        return rateLimited.get();
    }

    /** The id the next request starts after. */
    public long minId() {
        return minId.get();
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        try {
            while (running) {
                URI uri = uri();
                HttpResponse<InputStream> r;
                try {
                    r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(1))
                            .header("X-Papertrail-Token", token).header("Accept", "application/json").GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                } catch (IOException e) {
                    errors.accept("GET " + uri + " failed: " + e.getMessage() + "; retrying in " + backoff.toSeconds() + " s");
                    sleeper.sleep(backoff);
                    backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                    continue;
                }
                int status = r.statusCode();
                if (status == 429 || status == 503) {
                    closeQuietly(r.body());
                    rateLimited.incrementAndGet();
                    Duration wait = r.headers().firstValue("Retry-After").map(PapertrailTail::seconds).orElse(backoff);
                    sleeper.sleep(min(wait, MAX_BACKOFF));
                    backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                    continue;
                }
                if (status == 401 || status == 403) {
                    closeQuietly(r.body());
                    errors.accept("GET " + uri + " answered HTTP " + status + ": the token (PAPERTRAIL_API_TOKEN) was not accepted");
                    return;
                }
                JsonNode body;
                try (InputStream in = r.body()) {
                    body = JSON.readTree(in);
                } catch (JsonProcessingException e) {
                    errors.accept("GET " + uri + " answered HTTP " + status + " with malformed JSON: " + e.getOriginalMessage());
                    sleeper.sleep(backoff);
                    backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                    continue;
                } catch (IOException e) {
                    errors.accept("GET " + uri + " answered HTTP " + status + " but its body could not be read: " + e.getMessage());
                    sleeper.sleep(backoff);
                    continue;
                }
                if (status != 200 || body == null || !body.path("events").isArray()) {
                    errors.accept("GET " + uri + " answered HTTP " + status + " without events; retrying in " + backoff.toSeconds() + " s");
                    sleeper.sleep(backoff);
                    backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
                    continue;
                }
                backoff = Duration.ofSeconds(1);
                long last = minId.get();
                for (JsonNode e : body.get("events")) {
                    LiveRow row = row(e);
                    if (row != null && row.id() > last) {
                        queue.put(row);
                        events.incrementAndGet();
                        last = row.id();
                    }
                }
                long max = parseId(body.path("max_id").asText(""));
                minId.set(Math.max(last, max));
                if (!body.path("reached_record_limit").asBoolean(false)) {
                    sleeper.sleep(pollInterval);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI uri() {
        StringBuilder q = new StringBuilder(api + "/api/v1/events/search.json?tail=true");
        if (minId.get() > 0) {
            q.append("&min_id=").append(minId.get());
        }
        if (query != null && !query.isBlank()) {
            q.append("&q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
        }
        return URI.create(q.toString());
    }

    /** An event as a row; null for an event without a usable id. */
    static LiveRow row(JsonNode e) {
        long id = parseId(e.path("id").asText(""));
        if (id <= 0) {
            return null;
        }
        long received = millis(e.path("received_at").asText(""), System.currentTimeMillis());
        long generated = millis(e.path("generated_at").asText(""), received);
        String host = e.path("source_name").asText(e.path("hostname").asText(""));
        return new LiveRow(id, generated, received, host, e.path("source_ip").asText(""), e.path("facility").asText(""),
                e.path("severity").asText(""), e.path("program").asText(""), e.path("message").asText(""));
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long millis(String iso, long fallback) {
        try {
            return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static Duration seconds(String v) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(5);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the connection is dropped instead of reused
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
