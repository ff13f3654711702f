package dev.tracelens.traceback;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a scan looks for: the languages whose traces are rebuilt (all by default), the user's
 * in-app prefixes, the memory the assembler may use for per-source state (context rows and
 * open traces; {@code 0} means a share of the heap), and the user's grouping rules applied to
 * every traceback's fingerprint.
 */
public record TraceOptions(Set<Language> languages, InApp inApp, long memoryBytes, GroupingRules rules) {
    public static final TraceOptions DEFAULT = new TraceOptions(EnumSet.allOf(Language.class), InApp.NONE, 0);

    public TraceOptions(Set<Language> languages, InApp inApp, long memoryBytes) {
        this(languages, inApp, memoryBytes, GroupingRules.NONE);
    }

    public TraceOptions {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("at least one language is needed");
        }
        languages = Set.copyOf(languages);
        rules = rules == null ? GroupingRules.NONE : rules;
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("memoryBytes must be >= 0: " + memoryBytes);
        }
    }

    public TraceOptions withLanguages(Set<Language> set) {
        return new TraceOptions(set, inApp, memoryBytes, rules);
    }

    public TraceOptions withInApp(InApp prefixes) {
        return new TraceOptions(languages, prefixes, memoryBytes, rules);
    }

    public TraceOptions withMemoryBytes(long bytes) {
        return new TraceOptions(languages, inApp, bytes, rules);
    }

    public TraceOptions withRules(GroupingRules grouping) {
        return new TraceOptions(languages, inApp, memoryBytes, grouping);
    }

    /** The budget in bytes: the one given, or a quarter of the heap (at least 16 MB, at most 1 GB). */
    long budget() {
        if (memoryBytes > 0) {
            return memoryBytes;
        }
        return Math.clamp(Runtime.getRuntime().maxMemory() / 4, 16L << 20, 1L << 30);
    }
}
