package dev.tracelens.trackers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * JSON over HTTP for the tracker clients, on the JDK's {@link HttpClient}: the
 * {@code Authorization} header from {@link Credentials}, bodies parsed by Jackson straight from
 * the response stream, and rate limits honoured: HTTP 429 and 503, and GitHub's 403 with
 * {@code Retry-After} or {@code x-ratelimit-remaining: 0}, are retried after the time the server
 * asks for ({@code Retry-After} in seconds or as an HTTP date, else {@code x-ratelimit-reset},
 * else a doubling backoff from one second; GitHub's secondary limit without either: one minute).
 * A wait longer than {@code maxWait}, or more than {@value #MAX_ATTEMPTS} attempts, is an error.
 *
 * <p>Errors name the request and the response (method, URL, status) and never a credential:
 * URLs never carry one, and anything a server echoes is {@linkplain Credentials#redact redacted}.
 */
public final class TrackerHttp {
    static final int MAX_ATTEMPTS = 8;

    /** Waits between attempts; tests may count instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** A response whose body was JSON. */
    public record Response(int status, JsonNode body, HttpHeaders headers) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Credentials credentials;
    private final String hint;
    private final Duration maxWait;
    private final Sleeper sleeper;

    /**
     * @param hint what to tell a user whose credentials were refused (which variables to set)
     */
    public TrackerHttp(Credentials credentials, String hint, Duration maxWait, Sleeper sleeper) {
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.credentials = credentials;
        this.hint = hint;
        this.maxWait = maxWait;
        this.sleeper = sleeper;
    }

    public TrackerHttp(Credentials credentials, String hint) {
        this(credentials, hint, Duration.ofMinutes(15), d -> Thread.sleep(d.toMillis()));
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public Response get(URI uri, String accept) {
        return send("GET", uri, accept, null);
    }

    public Response post(URI uri, String accept, JsonNode body) {
        return send("POST", uri, accept, body);
    }

    private Response send(String method, URI uri, String accept, JsonNode body) {
        String what = method + " " + uri;
        Duration backoff = Duration.ofSeconds(1);
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                    .header("Accept", accept).header("User-Agent", "Tracelens");
            if (credentials.header() != null) {
                req.header("Authorization", credentials.header());
            }
            if (body != null) {
                try {
                    req.header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
                } catch (JsonProcessingException e) {
                    throw new TrackerException("Cannot write the request body of " + what, e);
                }
            } else {
                req.GET();
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new TrackerException(what + " failed: " + credentials.redact(String.valueOf(e.getMessage())), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TrackerException(what + " was interrupted", e);
            }
            int status = response.statusCode();
            Optional<Duration> wait = rateLimited(status, response.headers(), backoff);
            if (wait.isPresent()) {
                drain(response.body());
                if (attempt >= MAX_ATTEMPTS) {
                    throw new TrackerException(what + " is still rate-limited (HTTP " + status + ") after "
                            + attempt + " attempts; try again later");
                }
                if (wait.get().compareTo(maxWait) > 0) {
                    throw new TrackerException(what + " is rate-limited (HTTP " + status + ") and asks to wait "
                            + wait.get().toSeconds() + " s, longer than " + maxWait.toSeconds() + " s; try again later");
                }
                try {
                    sleeper.sleep(wait.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TrackerException(what + " was interrupted while waiting for its rate limit", e);
                }
                backoff = backoff.multipliedBy(2);
                continue;
            }
            return answer(what, status, response);
        }
    }

    private Response answer(String what, int status, HttpResponse<InputStream> response) {
        JsonNode json;
        try (InputStream in = response.body()) {
            json = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new TrackerException(what + " answered HTTP " + status + " with malformed JSON" + where + ": "
                    + credentials.redact(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new TrackerException(what + " answered HTTP " + status + " but its body could not be read: "
                    + credentials.redact(String.valueOf(e.getMessage())), e);
        }
        if (status >= 200 && status < 300) {
            if (json == null || json.isMissingNode()) {
                throw new TrackerException(what + " answered HTTP " + status + " with an empty body, not JSON");
            }
            return new Response(status, json, response.headers());
        }
        String said = credentials.redact(serverMessage(json));
        String because = switch (status) {
            case 401 -> "the credentials (" + credentials.source() + ") were not accepted; " + hint;
            case 403 -> "access was refused with the credentials (" + credentials.source() + "); " + hint;
            case 404 -> "not found: check the project or repository and that the credentials may see it";
            default -> "the server refused the request";
        };
        throw new TrackerException(what + " answered HTTP " + status + ": " + because + (said.isEmpty() ? "" : " (server said: " + said + ")"));
    }

    /** The human part of an error body: Jira's {@code errorMessages}/{@code errors}, GitHub's {@code message}; at most 300 characters. */
    private static String serverMessage(JsonNode json) {
        if (json == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (JsonNode m : json.path("errorMessages")) {
            b.append(b.isEmpty() ? "" : "; ").append(m.asText());
        }
        json.path("errors").properties().forEach(e -> b.append(b.isEmpty() ? "" : "; ").append(e.getKey()).append(": ").append(e.getValue().asText()));
        if (json.hasNonNull("message")) {
            b.append(b.isEmpty() ? "" : "; ").append(json.get("message").asText());
        }
        String s = b.toString().replaceAll("\\p{Cntrl}", " ");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** How long to wait before retrying, when the response says the request was rate-limited. */
    static Optional<Duration> rateLimited(int status, HttpHeaders headers, Duration backoff) {
        Optional<Duration> retryAfter = headers.firstValue("Retry-After").flatMap(TrackerHttp::retryAfter);
        boolean exhausted = headers.firstValue("x-ratelimit-remaining").map("0"::equals).orElse(false);
        boolean limited = status == 429 || (status == 503 && retryAfter.isPresent())
                || (status == 403 && (retryAfter.isPresent() || exhausted));
        if (!limited) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        Optional<Duration> reset = headers.firstValue("x-ratelimit-reset").flatMap(v -> {
            try {
                long at = Long.parseLong(v.trim());
                return Optional.of(Duration.ofSeconds(Math.max(1, at - Instant.now().getEpochSecond())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
        if (exhausted && reset.isPresent()) {
            return reset;
        }
        // GitHub's secondary rate limit without a header: "wait at least one minute".
        return Optional.of(status == 403 ? Duration.ofMinutes(1) : backoff);
    }

    private static Optional<Duration> retryAfter(String value) {
        String v = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Duration.between(Instant.now(), at.toInstant()).isNegative() ? Duration.ZERO
                        : Duration.between(Instant.now(), at.toInstant()));
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static void drain(InputStream in) {
        try (in) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the connection is dropped instead of reused
        }
    }
}
