package dev.tracelens.traceback;

import java.util.List;

/**
 * The line kinds of a trace's printed text, for texts that came without them (stores written
 * before kinds were recorded, hand-made fixtures). The assembler computes the same kinds with
 * the same grammar when it emits a traceback.
 */
public final class LineKinds {
    private LineKinds() {
    }

    /** One kind per line of {@code text} split at {@code \n}; all {@link LineKind#OTHER} for an unknown language. */
    public static List<LineKind> of(String language, String text) {
        List<String> lines = lines(text);
        Language l = Language.of(language);
        if (l == null) {
            return lines.stream().map(line -> LineKind.OTHER).toList();
        }
        return Grammars.of(l).kinds(lines, InApp.NONE);
    }

    /** The printed lines of a trace text, as {@link Traceback#lineKinds()} counts them. */
    public static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return List.of(text.split("\n", -1));
    }
}
