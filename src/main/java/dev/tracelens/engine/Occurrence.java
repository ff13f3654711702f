package dev.tracelens.engine;

import java.time.Instant;

/** One traceback of a group, as listed (the full record is fetched by id when selected). */
public record Occurrence(long id, Instant timestamp, String host, String program) {
}
