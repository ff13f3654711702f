package dev.tracelens.engine;

import java.time.Instant;
import java.util.List;

/** The values the filters offer, and the time span of everything stored (null when empty). */
public record Facets(List<String> hosts, List<String> programs, List<String> types, Instant first, Instant last,
                     long tracebacks, List<String> languages) {
    public static final Facets EMPTY = new Facets(List.of(), List.of(), List.of(), null, null, 0, List.of());

    public Facets {
        hosts = List.copyOf(hosts);
        programs = List.copyOf(programs);
        types = List.copyOf(types);
        languages = List.copyOf(languages);
    }

    /** Without the languages (none offered). */
    public Facets(List<String> hosts, List<String> programs, List<String> types, Instant first, Instant last,
                  long tracebacks) {
        this(hosts, programs, types, first, last, tracebacks, List.of());
    }
}
