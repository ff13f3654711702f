package dev.tracelens.cli;

import dev.tracelens.traceback.Language;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.Iterator;

/** A language name for {@code --language}: {@code python}, {@code java}, {@code go}, {@code node}, {@code ruby}, {@code dotnet}. */
final class LanguageArgument implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
        Language l = Language.of(value);
        if (l == null) {
            throw new CommandLine.TypeConversionException("unknown language '" + value + "' (known: "
                    + String.join(", ", new Names()) + ")");
        }
        return l.id();
    }

    /** The known names, for help and completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Language.values()).map(Language::id).iterator();
        }
    }
}
