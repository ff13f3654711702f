package dev.tracelens.engine;

import dev.tracelens.store.StoreFilter;

import java.time.Instant;
import java.util.List;

/**
 * What the groups list shows: a text query (Lucene syntax, blank for all) and filters; a null
 * or blank filter means "any".
 */
public record GroupQuery(String text, Instant since, Instant until, String host, String program, String type,
                         String language) {
    public static final GroupQuery ALL = new GroupQuery("", null, null, null, null, null, null);

    public GroupQuery {
        text = text == null ? "" : text.strip();
        host = blankToNull(host);
        program = blankToNull(program);
        type = blankToNull(type);
        language = blankToNull(language);
        if (since != null && until != null && until.isBefore(since)) {
            throw new IllegalArgumentException("until " + until + " is before since " + since);
        }
    }

    /** Any language. */
    public GroupQuery(String text, Instant since, Instant until, String host, String program, String type) {
        this(text, since, until, host, program, type, null);
    }

    /** The same as the store's filter. */
    public StoreFilter toFilter() {
        return new StoreFilter(since, until, one(host), one(program), one(type), null, text.isEmpty() ? null : text,
                one(language));
    }

    private static List<String> one(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
