package dev.tracelens.traceback;

import java.util.List;

/** A group key ({@code hash}: 16 hex digits) and the readable parts it was computed from. */
public record Fingerprint(String hash, List<String> parts) {
    public Fingerprint {
        parts = List.copyOf(parts);
    }
}
