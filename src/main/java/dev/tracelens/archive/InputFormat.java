package dev.tracelens.archive;

import java.util.Locale;

/**
 * Which row format to read files as: {@link #AUTO} tells it per file from the first bytes (never
 * from the name); the others force one format for every file of a read.
 */
public enum InputFormat {
    AUTO, PAPERTRAIL, JSONL, TEXT;

    /** {@code auto}, {@code papertrail}, {@code jsonl} (or {@code json}, {@code ndjson}), {@code text}. */
    public static InputFormat parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "papertrail", "tsv" -> PAPERTRAIL;
            case "jsonl", "json", "ndjson", "json-lines" -> JSONL;
            case "text", "plain", "txt" -> TEXT;
            default -> throw new IllegalArgumentException(
                    "unknown input format \"" + name + "\" (expected auto, papertrail, jsonl or text)");
        };
    }

    /** The lower-case name {@link #parse} reads. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
