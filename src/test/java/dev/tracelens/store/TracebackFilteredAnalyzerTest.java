package dev.tracelens.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected tokens derived by hand from the Elasticsearch settings (pattern_replace, then letter). */
class TracebackFilteredAnalyzerTest {
    private final TracebackFilteredAnalyzer analyzer = new TracebackFilteredAnalyzer();

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("validated_input", List.of("validatedput")),
                Arguments.of("login", List.of("log")),
                Arguments.of("File \"/opt/venv/lib/python2.7/site-packages/newrelic/hooks/framework_cherrypy.py\","
                        + " line 42, in handler_wrapper", List.of()),
                Arguments.of("File \"/srv/app/views.py\", line 12, in login_required",
                        List.of("srv", "app", "views", "py", "logrequired")),
                Arguments.of("KeyError: 'user_id'", List.of("KeyError", "userid")),
                Arguments.of("ValueError: invalid literal for int() with base 10: 'abc'",
                        List.of("ValueError", "valid", "literal", "for", "t", "with", "base", "abc")),
                Arguments.of("return self.wrapped(*args, **kwargs)", List.of("self")),
                // Case-sensitive: only lower-case "in" is removed.
                Arguments.of("Information", List.of("Information")),
                Arguments.of("information", List.of("formation")),
                // The pattern's dot matches any character.
                Arguments.of("python2X7 python2.7", List.of()),
                Arguments.of("localhost:8080", List.of("host")),
                Arguments.of("café Ünïcode", List.of("café", "Ünïcode")),
                Arguments.of("", List.of()),
                Arguments.of("line 42", List.of()),
                Arguments.of("Traceback (most recent call last):",
                        List.of("Traceback", "most", "recent", "call", "last")),
                Arguments.of("__init__", List.of("it")),
                Arguments.of("getSite sitemap", List.of("getSite", "map")),
                // Removal happens left to right without rescanning: "p" + "in" + "line".
                Arguments.of("pinline", List.of("p")),
                Arguments.of("wordstream_virtualenv/bin", List.of("b")),
                Arguments.of("abc123def", List.of("abc", "def")));
    }

    @ParameterizedTest
    @MethodSource("table")
    void tokensMatchElasticsearch(String input, List<String> expected) {
        assertEquals(expected, analyzer.tokens(input));
    }

    @Test
    void lineNumbersNeverMatter() {
        assertEquals(analyzer.tokens("File \"/srv/app/a.py\", line 1, in f"),
                analyzer.tokens("File \"/srv/app/a.py\", line 987, in f"));
    }
}
