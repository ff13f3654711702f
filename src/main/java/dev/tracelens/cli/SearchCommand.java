package dev.tracelens.cli;

import dev.tracelens.store.SearchResult;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.Traceback;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;

/** {@code tracelens search QUERY}: occurrences whose traceback text matches. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Searches the text of the stored tracebacks and lists the occurrences that match.",
                "The query is in the classic Lucene syntax: all its words must occur; OR, NOT, \"phrases\" and wild*"
                        + " work. Matching is case-sensitive; digits and punctuation are ignored."})
public final class SearchCommand extends StoreCommand {
    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query (several words are joined by spaces).")
    List<String> words;

    @Mixin
    FilterOptions filters;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N occurrences (default: ${DEFAULT-VALUE}).")
    int limit = 50;

    @Override
    int execute() {
        String query = String.join(" ", words);
        SearchResult result;
        try (TracebackIndex store = openForReading()) {
            result = store.search(filters.toFilter().withText(query), limit);
        }
        PrintWriter out = out();
        if (json) {
            out.println(StoreJson.write(result));
            return OK;
        }
        out.println(String.format("%,d matches%s", result.total(),
                result.hits().size() < result.total() ? " (best " + result.hits().size() + " shown)" : ""));
        for (Traceback t : result.hits()) {
            out.println(String.format("%-20s  %-14s  %-12s  %-16s  %s", t.timestamp(), t.firstId(),
                    oneLine(t.host(), 12), oneLine(t.fingerprint(), 16),
                    oneLine(t.exceptionType() + ": " + t.message(), 100)));
        }
        return OK;
    }
}
