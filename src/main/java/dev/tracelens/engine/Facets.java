package dev.tracelens.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The values the filters offer, and the time span of everything stored (null when empty).
 * {@code counts} holds, per filter ({@link #HOST}, {@link #PROGRAM}, {@link #TYPE}, {@link #LANGUAGE}), how many
 * stored tracebacks each value has; a value without a count is shown without one.
 */
public record Facets(List<String> hosts, List<String> programs, List<String> types, Instant first, Instant last,
                     long tracebacks, List<String> languages, Map<String, Map<String, Long>> counts) {
    public static final String HOST = "host";
    public static final String PROGRAM = "program";
    public static final String TYPE = "type";
    public static final String LANGUAGE = "language";
    public static final Facets EMPTY = new Facets(List.of(), List.of(), List.of(), null, null, 0);

    public Facets {
        hosts = List.copyOf(hosts);
        programs = List.copyOf(programs);
        types = List.copyOf(types);
        languages = List.copyOf(languages);
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }

    /** Without the languages (none offered) and without counts. */
    public Facets(List<String> hosts, List<String> programs, List<String> types, Instant first, Instant last,
                  long tracebacks) {
        this(hosts, programs, types, first, last, tracebacks, List.of(), Map.of());
    }

    /** Tracebacks stored with this value of the filter, or -1 when not counted. */
    public long count(String filter, String value) {
        Map<String, Long> c = counts.get(filter);
        Long n = c == null ? null : c.get(value);
        return n == null ? -1 : n;
    }
}
