package dev.tracelens.engine;

import dev.tracelens.store.StoreFilter;

import java.time.Instant;
import java.util.List;

/**
 * What the groups list shows: a text query (Lucene syntax, blank for all) and filters: a time
 * range (null ends are open), and hosts, programs, exception types and languages (empty = any;
 * several = any of them), and the triage state ({@link TriageFilter}; the store does not know it,
 * the library filters by it).
 */
public record GroupQuery(String text, Instant since, Instant until, List<String> hosts, List<String> programs,
                         List<String> types, List<String> languages, TriageFilter triage) {
    public static final GroupQuery ALL = new GroupQuery("", null, null, List.of(), List.of(), List.of(), List.of(),
            TriageFilter.ANY);

    public GroupQuery {
        text = text == null ? "" : text.strip();
        hosts = clean(hosts);
        programs = clean(programs);
        types = clean(types);
        languages = clean(languages);
        triage = triage == null ? TriageFilter.ANY : triage;
        if (since != null && until != null && until.isBefore(since)) {
            throw new IllegalArgumentException("until " + until + " is before since " + since);
        }
    }

    /** Any triage state. */
    public GroupQuery(String text, Instant since, Instant until, List<String> hosts, List<String> programs,
                      List<String> types, List<String> languages) {
        this(text, since, until, hosts, programs, types, languages, TriageFilter.ANY);
    }

    /** One host, program and type at most (null or blank = any). */
    public GroupQuery(String text, Instant since, Instant until, String host, String program, String type) {
        this(text, since, until, one(host), one(program), one(type), List.of(), TriageFilter.ANY);
    }

    /** The same as the store's filter. */
    public StoreFilter toFilter() {
        return new StoreFilter(since, until, hosts, programs, types, null, text.isEmpty() ? null : text)
                .withLanguages(languages);
    }

    /** The first host filtered on, or null for any (kept for callers that pick one). */
    public String host() {
        return hosts.isEmpty() ? null : hosts.getFirst();
    }

    public String program() {
        return programs.isEmpty() ? null : programs.getFirst();
    }

    public String type() {
        return types.isEmpty() ? null : types.getFirst();
    }

    private static List<String> one(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).distinct().toList();
    }
}
