package dev.tracelens.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tracelens.store.StoreException;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicHeader;
import org.opensearch.client.Request;
import org.opensearch.client.RequestOptions;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;
import org.opensearch.client.RestClientBuilder;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One team index's HTTP connection: OpenSearch's low-level REST client (Apache HttpClient 5) with
 * the credentials and trust of {@link TeamIndexCredentials}, JSON through Jackson. Thread-safe.
 *
 * <p>Errors become {@link StoreException}s naming the index URL, the status and OpenSearch's own
 * error type and reason, never a header: credentials cannot end up in a message.
 */
final class OpenSearchConnection implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A response: its HTTP status and its JSON body (an empty object when it had none). */
    record Reply(int status, JsonNode body) {
    }

    private final TeamIndexAddress address;
    private final RestClient client;
    private final AwsSigner signer;

    OpenSearchConnection(TeamIndexAddress address, TeamIndexCredentials credentials) {
        this.address = address;
        SSLContext tls = TrustedCertificates.context(credentials.caFile());
        boolean signs = credentials.awsRegion() != null && credentials.apiKey() == null && credentials.user() == null;
        RestClientBuilder b = RestClient.builder(new HttpHost(address.scheme(), address.host(), address.port()))
                // Gzip request bodies (bulk), except when signing: SigV4 signs the bytes sent.
                .setCompressionEnabled(!signs)
                .setRequestConfigCallback(rc -> rc.setResponseTimeout(org.apache.hc.core5.util.Timeout.ofMinutes(5)))
                .setHttpClientConfigCallback(hc -> hc.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls).build())
                        .setMaxConnPerRoute(8).setMaxConnTotal(8)
                        .build()));
        if (!address.pathPrefix().isEmpty()) {
            b.setPathPrefix(address.pathPrefix());
        }
        Header auth = null;
        if (credentials.apiKey() != null) {
            auth = new BasicHeader("Authorization", "ApiKey " + credentials.apiKey());
        } else if (credentials.user() != null) {
            auth = new BasicHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (credentials.user() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8)));
        }
        if (auth != null) {
            b.setDefaultHeaders(new Header[]{auth});
        }
        this.signer = signs
                ? new AwsSigner(credentials.awsRegion(), credentials.awsService(), address) : null;
        this.client = b.build();
    }

    TeamIndexAddress address() {
        return address;
    }

    /** {@code index} path segment, e.g. {@code /tracebacks/_search}. */
    String indexPath(String suffix) {
        return "/" + address.index() + suffix;
    }

    /** Performs the request and returns its JSON; a status of 300 or more is a {@link StoreException}. */
    JsonNode call(String method, String endpoint, Object body, Map<String, String> params) {
        Reply r = send(method, endpoint, body == null ? null : write(body), params);
        if (r.status() >= 300) {
            throw failure(method, endpoint, r);
        }
        return r.body();
    }

    JsonNode call(String method, String endpoint, Object body) {
        return call(method, endpoint, body, Map.of());
    }

    /** Performs the request and returns status and JSON whatever the status (404, 409 ... are answers). */
    Reply send(String method, String endpoint, String body, Map<String, String> params) {
        Request request = new Request(method, endpoint);
        request.addParameters(params);
        if (body != null) {
            request.setEntity(new org.apache.hc.core5.http.io.entity.StringEntity(body,
                    org.apache.hc.core5.http.ContentType.create(endpoint.endsWith("_bulk") ? "application/x-ndjson"
                            : "application/json", StandardCharsets.UTF_8)));
        }
        if (signer != null) {
            RequestOptions.Builder options = RequestOptions.DEFAULT.toBuilder();
            for (Map.Entry<String, List<String>> h : signer.sign(method, endpoint, params, body).entrySet()) {
                for (String v : h.getValue()) {
                    options.addHeader(h.getKey(), v);
                }
            }
            request.setOptions(options);
        }
        Response response;
        try {
            response = client.performRequest(request);
        } catch (ResponseException e) {
            response = e.getResponse();
        } catch (IOException e) {
            throw unreachable(e);
        }
        int status = response.getStatusLine().getStatusCode();
        try {
            String text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            JsonNode json = text.isBlank() ? JsonNodeFactory.instance.objectNode() : parse(text, status);
            return new Reply(status, json);
        } catch (IOException | org.apache.hc.core5.http.ParseException e) {
            throw new StoreException("The team index " + address + " sent an unreadable answer (HTTP " + status + ")", e);
        }
    }

    private static JsonNode parse(String text, int status) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            // A proxy's HTML error page, for instance: keep its first line for the message.
            String first = text.strip().lines().findFirst().orElse("");
            return JsonNodeFactory.instance.objectNode().put("error", first.length() > 200 ? first.substring(0, 200) : first);
        }
    }

    StoreException failure(String method, String endpoint, Reply r) {
        String what = reason(r.body());
        String hint = switch (r.status()) {
            case 401 -> ": the credentials were refused (set " + TeamIndexCredentials.USER + "/"
                    + TeamIndexCredentials.PASSWORD + " or " + TeamIndexCredentials.API_KEY + ", or a credentials file)";
            case 403 -> ": these credentials may not do this on the index";
            default -> "";
        };
        return new StoreException("The team index " + address + " refused " + method + " " + endpoint + " (HTTP "
                + r.status() + (what.isEmpty() ? "" : ", " + what) + ")" + hint);
    }

    /** OpenSearch's {@code error.type: error.reason}, or its plain error text. */
    static String reason(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isTextual()) {
            return error.asText();
        }
        JsonNode root = error.path("root_cause").path(0);
        JsonNode e = root.isMissingNode() ? error : root;
        String type = e.path("type").asText("");
        String reason = e.path("reason").asText("");
        return (type + (reason.isEmpty() ? "" : ": " + reason)).strip();
    }

    private StoreException unreachable(IOException e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String why = c instanceof ConnectException || e instanceof ConnectException ? "connection refused"
                : c instanceof UnknownHostException ? "unknown host " + address.host()
                : c instanceof javax.net.ssl.SSLException || c instanceof java.security.cert.CertificateException
                ? "TLS failed (" + c.getClass().getSimpleName() + "; is the server's CA trusted? set "
                + TeamIndexCredentials.CA + ")"
                : c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + firstLine(c.getMessage()));
        return new StoreException("Cannot reach the team index " + address + ": " + why, e);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String write(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a request", e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException ignored) {
            // closing sockets
        }
    }
}
