package dev.tracelens.cli;

import dev.tracelens.store.StoreFilter;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code --since --until --host --program --type --fingerprint --language}, shared by the query commands. */
public final class FilterOptions {
    @Option(names = "--since", paramLabel = "TIME", converter = DateArgument.class,
            description = "Only occurrences at or after TIME: " + DateArgument.HELP + ".")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = DateArgument.class,
            description = "Only occurrences before TIME (exclusive).")
    Instant until;

    @Option(names = "--host", paramLabel = "HOST", split = ",", description = "Only these hosts (repeatable).")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--program", paramLabel = "PROGRAM", split = ",",
            description = "Only these programs (repeatable).")
    List<String> programs = new ArrayList<>();

    @Option(names = "--type", paramLabel = "TYPE", split = ",",
            description = "Only these exception types, e.g. KeyError (repeatable).")
    List<String> types = new ArrayList<>();

    @Option(names = "--fingerprint", paramLabel = "FP", description = "Only occurrences of this group.")
    String fingerprint;

    @Option(names = "--language", paramLabel = "LANG", split = ",", converter = LanguageArgument.class,
            description = "Only tracebacks of these languages: ${COMPLETION-CANDIDATES} (repeatable).",
            completionCandidates = LanguageArgument.Names.class)
    List<String> languages = new ArrayList<>();

    StoreFilter toFilter() {
        return new StoreFilter(since, until, hosts, programs, types, fingerprint, null).withLanguages(languages);
    }
}
