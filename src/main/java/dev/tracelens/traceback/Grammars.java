package dev.tracelens.traceback;

import dev.tracelens.archive.ByteTrigger;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grammars a scan uses, in the order they are asked (the first that opens a trace at a line
 * wins), and the one byte test for rows of sources with no open trace, made of all of theirs.
 */
final class Grammars {
    private static final Map<Language, TraceGrammar> ALL = new EnumMap<>(Language.class);

    static {
        for (TraceGrammar g : List.of(new PythonGrammar(), new JavaGrammar(), new DotnetGrammar(), new NodeGrammar(),
                new RubyGrammar(), new GoGrammar())) {
            ALL.put(g.language(), g);
        }
    }

    private final List<TraceGrammar> grammars;
    private final ByteTrigger trigger;

    Grammars(Set<Language> languages) {
        // Java before .NET and Node: all three print "at ..." frames, and Java's shape is the strictest.
        this.grammars = ALL.values().stream().filter(g -> languages.contains(g.language()))
                .sorted((a, b) -> Integer.compare(order(a.language()), order(b.language()))).toList();
        ByteTrigger.Builder b = ByteTrigger.builder();
        grammars.forEach(g -> g.trigger(b));
        // Rows holding several lines (rsyslog's #012, real newlines) are split and each line tested.
        if (grammars.stream().anyMatch(g -> g.language() != Language.PYTHON)) {
            b.contains("#012").contains("\n");
        }
        this.trigger = b.build();
    }

    private static int order(Language l) {
        return switch (l) {
            case PYTHON -> 0;
            case JAVA -> 1;
            case DOTNET -> 2;
            case NODE -> 3;
            case RUBY -> 4;
            case GO -> 5;
        };
    }

    static TraceGrammar of(Language language) {
        return ALL.get(language);
    }

    List<TraceGrammar> list() {
        return grammars;
    }

    ByteTrigger trigger() {
        return trigger;
    }

    boolean literalBreakAfter(String message) {
        for (TraceGrammar g : grammars) {
            if (g.literalBreakAfter(message)) {
                return true;
            }
        }
        return false;
    }

    boolean startsLine(String part) {
        for (TraceGrammar g : grammars) {
            if (g.startsLine(part)) {
                return true;
            }
        }
        return false;
    }
}
