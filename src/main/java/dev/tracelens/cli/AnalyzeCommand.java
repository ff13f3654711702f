package dev.tracelens.cli;

import dev.tracelens.engine.TextAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tracelens analyze TEXT}: the tokens the store indexes and searches for, like ES's _analyze. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Prints the tokens of TEXT as the " + TextAnalysis.ANALYZER
                + " analyzer makes them, one per line.",
                "Searches and historical reflection match on these tokens (case-sensitive)."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Text to analyze (several words are joined by spaces).")
    List<String> words;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public Integer call() {
        List<String> tokens = TextAnalysis.tokens(String.join(" ", words));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(StoreJson.write(tokens));
        } else if (tokens.isEmpty()) {
            spec.commandLine().getErr().println("(no tokens: " + TextAnalysis.ANALYZER + " removes all of it)");
        } else {
            tokens.forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
