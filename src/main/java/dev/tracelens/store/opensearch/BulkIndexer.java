package dev.tracelens.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelens.store.StoreException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes documents through the bulk API in requests of about {@code maxBytes} each. A request
 * answered 429 or 503 as a whole is sent again after a backoff; of a request that went through,
 * only the items rejected with 429/503 (a full write queue, a shard not ready) are sent again,
 * after a backoff that doubles (100 ms up to 10 s, {@link #MAX_ATTEMPTS} tries). Any other item
 * failure (a mapping conflict, ...) stops the import with OpenSearch's reason. Not thread-safe:
 * one importing thread.
 */
final class BulkIndexer {
    static final int MAX_ATTEMPTS = 10;
    static final long DEFAULT_MAX_BYTES = 5L << 20;

    /** Told after every bulk request: documents confirmed, bytes sent, retries so far. */
    interface Progress {
        void onBulk(long documents, long bytes, long retries);
    }

    private record Item(String action, String source) {
        long bytes() {
            return action.length() + source.length() + 2L;
        }
    }

    private final OpenSearchConnection connection;
    private final long maxBytes;
    private final Progress progress;
    private final Sleeper sleeper;
    private final List<Item> pending = new ArrayList<>();
    private long pendingBytes;
    private long documents;
    private long bytesSent;
    private long retries;

    /** How to wait between tries (a test can count instead of sleeping). */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    BulkIndexer(OpenSearchConnection connection, long maxBytes, Progress progress) {
        this(connection, maxBytes, progress, Thread::sleep);
    }

    BulkIndexer(OpenSearchConnection connection, long maxBytes, Progress progress, Sleeper sleeper) {
        this.connection = connection;
        this.maxBytes = Math.max(1, maxBytes);
        this.progress = progress;
        this.sleeper = sleeper;
    }

    /** Queues {@code source} under {@code id} (replacing any document of that id); sends when the batch is full. */
    void index(String id, String source) {
        Item item = new Item("{\"index\":{\"_id\":" + quote(id) + "}}", source);
        pending.add(item);
        pendingBytes += item.bytes();
        if (pendingBytes >= maxBytes) {
            flush();
        }
    }

    /** Sends what is queued and waits until every item is written (or fails). */
    void flush() {
        List<Item> items = new ArrayList<>(pending);
        pending.clear();
        pendingBytes = 0;
        int attempt = 0;
        while (!items.isEmpty()) {
            StringBuilder body = new StringBuilder();
            for (Item i : items) {
                body.append(i.action()).append('\n').append(i.source()).append('\n');
            }
            String text = body.toString();
            OpenSearchConnection.Reply r = connection.send("POST", connection.indexPath("/_bulk"), text, Map.of());
            bytesSent += text.getBytes(StandardCharsets.UTF_8).length;
            List<Item> again = new ArrayList<>();
            if (r.status() == 429 || r.status() == 503) {
                again = items;
            } else if (r.status() >= 300) {
                throw connection.failure("POST", connection.indexPath("/_bulk"), r);
            } else {
                JsonNode results = r.body().path("items");
                for (int k = 0; k < items.size(); k++) {
                    JsonNode res = results.path(k).elements().hasNext() ? results.path(k).elements().next()
                            : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
                    int status = res.path("status").asInt(0);
                    if (status == 429 || status == 503) {
                        again.add(items.get(k));
                    } else if (status >= 300 || status == 0) {
                        throw new StoreException("The team index " + connection.address() + " refused a document ("
                                + "HTTP " + status + ", " + OpenSearchConnection.reason(res) + ")");
                    } else {
                        documents++;
                    }
                }
            }
            if (!again.isEmpty()) {
                attempt++;
                retries += again.size();
                if (attempt >= MAX_ATTEMPTS) {
                    throw new StoreException("The team index " + connection.address() + " kept rejecting writes ("
                            + again.size() + " documents still refused after " + attempt + " tries, HTTP 429/503:"
                            + " the cluster is overloaded); run the import again later");
                }
                try {
                    sleeper.sleep(Math.min(10_000, 100L << Math.min(attempt - 1, 10)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("import cancelled");
                }
            }
            items = again;
            progress.onBulk(documents, bytesSent, retries);
        }
    }

    long documents() {
        return documents;
    }

    long retries() {
        return retries;
    }

    private static String quote(String s) {
        return OpenSearchConnection.write(com.fasterxml.jackson.databind.node.TextNode.valueOf(s));
    }
}
