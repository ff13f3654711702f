package dev.tracelens.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelens.store.StoreException;
import dev.tracelens.store.TracebackFilteredAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index Tracelens makes on a real node: the analyzer token for token, the mapping, and what it refuses. */
@ExtendWith(OpenSearchNodeExtension.class)
class TeamIndexSchemaTest {

    @Test
    void theNodesAnalyzerGivesTheEmbeddedStoresTokens(OpenSearchNode node) {
        try (OpenSearchTracebackIndex index = OpenSearchTracebackIndex.open(
                TeamIndexAddress.parse(node.indexUrl("schema-analyzer")), TeamIndexCredentials.none())) {
            TracebackFilteredAnalyzer local = new TracebackFilteredAnalyzer();
            for (String text : List.of("validated_input login", "File \"/opt/venv/lib/python2.7/site-packages/x.py\", line 12, in wrapped",
                    "KeyError: 'user_id' python2x7 ÄÖü naïve 日本語", "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\nValueError",
                    "at com.example.Foo.bar(Foo.java:42) kwargs newrelic handler_wrapper framework_cherrypyXpy")) {
                ObjectNode body = OpenSearchConnection.JSON.createObjectNode();
                body.put("analyzer", TracebackFilteredAnalyzer.NAME).put("text", text);
                JsonNode r = index.connection().call("POST", index.connection().indexPath("/_analyze"), body);
                List<String> tokens = new ArrayList<>();
                r.path("tokens").forEach(t -> tokens.add(t.path("token").asText()));
                assertEquals(local.tokens(text), tokens, text);
            }
            assertEquals(List.of("validatedput", "log"), local.tokens("validated_input login"));
        }
    }

    @Test
    void anIndexNotMadeByTracelensIsRefused(OpenSearchNode node) {
        TeamIndexAddress address = TeamIndexAddress.parse(node.indexUrl("schema-foreign"));
        try (OpenSearchConnection c = new OpenSearchConnection(address, TeamIndexCredentials.none())) {
            c.call("PUT", c.indexPath(""), "{\"mappings\":{\"properties\":{\"text\":{\"type\":\"text\"}}}}");
        }
        StoreException e = assertThrows(StoreException.class,
                () -> OpenSearchTracebackIndex.open(address, TeamIndexCredentials.none()));
        assertTrue(e.getMessage().contains("not made by Tracelens"), e.getMessage());
        assertThrows(StoreException.class, () -> OpenSearchTracebackIndex.openReadOnly(address, TeamIndexCredentials.none()));
    }

    @Test
    void anIndexWithAnotherMappingOrVersionIsRefused(OpenSearchNode node) {
        TeamIndexAddress changed = TeamIndexAddress.parse(node.indexUrl("schema-changed"));
        ObjectNode body = TeamIndexSchema.createBody(1, 0);
        ((ObjectNode) body.path("mappings").path("properties").path("host")).put("type", "text");
        try (OpenSearchConnection c = new OpenSearchConnection(changed, TeamIndexCredentials.none())) {
            c.call("PUT", c.indexPath(""), body);
        }
        StoreException e = assertThrows(StoreException.class,
                () -> OpenSearchTracebackIndex.open(changed, TeamIndexCredentials.none()));
        assertTrue(e.getMessage().contains("field 'host' has type=text, expected keyword"), e.getMessage());

        TeamIndexAddress newer = TeamIndexAddress.parse(node.indexUrl("schema-newer"));
        ObjectNode later = TeamIndexSchema.createBody(1, 0);
        ((ObjectNode) later.path("mappings").path("_meta")).put(TeamIndexSchema.META_KEY, TeamIndexSchema.VERSION + 1);
        try (OpenSearchConnection c = new OpenSearchConnection(newer, TeamIndexCredentials.none())) {
            c.call("PUT", c.indexPath(""), later);
        }
        e = assertThrows(StoreException.class, () -> OpenSearchTracebackIndex.open(newer, TeamIndexCredentials.none()));
        assertTrue(e.getMessage().contains("update Tracelens"), e.getMessage());
    }

    @Test
    void readingAnIndexThatDoesNotExistSaysSo(OpenSearchNode node) {
        StoreException e = assertThrows(StoreException.class, () -> OpenSearchTracebackIndex.openReadOnly(
                TeamIndexAddress.parse(node.indexUrl("schema-absent")), TeamIndexCredentials.none()));
        assertTrue(e.getMessage().contains("There is no team index"), e.getMessage());
    }

    @Test
    void addressesAreParsedAndCredentialsInThemRefused() {
        TeamIndexAddress a = TeamIndexAddress.parse("https://search.example.com:9200/tracebacks");
        assertEquals("search.example.com", a.host());
        assertEquals(9200, a.port());
        assertEquals("tracebacks", a.index());
        assertEquals("https://search.example.com:443/proxy/team-a", TeamIndexAddress.parse("https://search.example.com/proxy/team-a/").toString());
        StoreException e = assertThrows(StoreException.class,
                () -> TeamIndexAddress.parse("https://admin:s3cr3t-PASS@search.example.com:9200/tracebacks"));
        assertTrue(!e.getMessage().contains("s3cr3t-PASS"), e.getMessage());
        assertThrows(StoreException.class, () -> TeamIndexAddress.parse("https://search.example.com:9200/"));
        assertThrows(StoreException.class, () -> TeamIndexAddress.parse("https://search.example.com:9200/Upper"));
    }
}
