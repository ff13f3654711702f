package dev.tracelens.store;

import java.time.Instant;
import java.util.List;

/**
 * What to look at: a time range ({@code since} inclusive, {@code until} exclusive; null = open),
 * hosts, programs and exception types (empty = any; several = any of them), one fingerprint
 * (null = any), a full-text query in the classic Lucene syntax over the traceback text
 * (null or blank = everything), and languages ({@code python}, {@code java}, ...; empty = any).
 */
public record StoreFilter(Instant since, Instant until, List<String> hosts, List<String> programs,
                          List<String> types, String fingerprint, String text, List<String> languages) {

    public static final StoreFilter ALL = new StoreFilter(null, null, List.of(), List.of(), List.of(), null, null);

    public StoreFilter {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        programs = programs == null ? List.of() : List.copyOf(programs);
        types = types == null ? List.of() : List.copyOf(types);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** Any language. */
    public StoreFilter(Instant since, Instant until, List<String> hosts, List<String> programs, List<String> types,
                       String fingerprint, String text) {
        this(since, until, hosts, programs, types, fingerprint, text, List.of());
    }

    public StoreFilter withLanguages(List<String> languages) {
        return new StoreFilter(since, until, hosts, programs, types, fingerprint, text, languages);
    }

    public StoreFilter withTime(Instant since, Instant until) {
        return new StoreFilter(since, until, hosts, programs, types, fingerprint, text, languages);
    }

    public StoreFilter withHosts(List<String> hosts) {
        return new StoreFilter(since, until, hosts, programs, types, fingerprint, text, languages);
    }

    public StoreFilter withPrograms(List<String> programs) {
        return new StoreFilter(since, until, hosts, programs, types, fingerprint, text, languages);
    }

    public StoreFilter withTypes(List<String> types) {
        return new StoreFilter(since, until, hosts, programs, types, fingerprint, text, languages);
    }

    public StoreFilter withFingerprint(String fingerprint) {
        return new StoreFilter(since, until, hosts, programs, types, fingerprint, text, languages);
    }

    public StoreFilter withText(String text) {
        return new StoreFilter(since, until, hosts, programs, types, fingerprint, text, languages);
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }
}
