package dev.tracelens.trackers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * Jira Cloud's Atlassian Document Format (REST v3 descriptions and comments), both ways: the
 * plain text of a document (text nodes, with a line break after every block), and a document
 * from Markdown (fenced blocks as code blocks, the rest as paragraphs).
 */
final class AdfText {
    private static final Set<String> BLOCKS = Set.of("paragraph", "heading", "codeBlock", "blockquote", "listItem",
            "tableRow", "panel", "rule");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AdfText() {
    }

    /** The text of {@code node}: a document, a plain string (v2, or an older v3 answer), or nothing. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isTextual()) {
            return node.asText();
        }
        StringBuilder b = new StringBuilder();
        append(node, b);
        return b.toString().strip();
    }

    private static void append(JsonNode node, StringBuilder b) {
        String type = node.path("type").asText();
        switch (type) {
            case "text" -> b.append(node.path("text").asText());
            case "hardBreak" -> b.append('\n');
            case "mention", "emoji" -> b.append(node.path("attrs").path("text").asText());
            case "inlineCard", "blockCard" -> b.append(node.path("attrs").path("url").asText());
            default -> {
            }
        }
        for (JsonNode child : node.path("content")) {
            append(child, b);
        }
        if (BLOCKS.contains(type)) {
            b.append('\n');
        }
    }

    /** A document holding {@code markdown}: code fences become code blocks, other text paragraphs. */
    static ObjectNode document(String markdown) {
        ObjectNode doc = NODES.objectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        StringBuilder block = new StringBuilder();
        boolean inCode = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                flush(content, block, inCode);
                inCode = !inCode;
            } else if (!inCode && line.isBlank()) {
                flush(content, block, false);
            } else {
                block.append(block.isEmpty() ? "" : "\n").append(line);
            }
        }
        flush(content, block, inCode);
        return doc;
    }

    private static void flush(ArrayNode content, StringBuilder block, boolean code) {
        if (block.isEmpty()) {
            return;
        }
        ObjectNode node = content.addObject().put("type", code ? "codeBlock" : "paragraph");
        node.putArray("content").addObject().put("type", "text").put("text", block.toString());
        block.setLength(0);
    }
}
