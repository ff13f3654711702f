package dev.tracelens.traceback;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.tracelens.traceback.LineKind.CHAIN;
import static dev.tracelens.traceback.LineKind.ELISION;
import static dev.tracelens.traceback.LineKind.EXCEPTION;
import static dev.tracelens.traceback.LineKind.GROUP_RULE;
import static dev.tracelens.traceback.LineKind.HEADER;
import static dev.tracelens.traceback.LineKind.LIBRARY_CODE;
import static dev.tracelens.traceback.LineKind.LIBRARY_FRAME;
import static dev.tracelens.traceback.LineKind.OTHER;
import static dev.tracelens.traceback.LineKind.OWN_CODE;
import static dev.tracelens.traceback.LineKind.OWN_FRAME;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PythonLineKindsTest {

    private static List<LineKind> kinds(String text) {
        return LineKinds.of("python", text);
    }

    @Test
    void chainedTracebackWithMultiLineMessage() {
        String text = String.join("\n",
                "Traceback (most recent call last):",
                "  File \"/srv/app/a.py\", line 1, in f",
                "    g()",
                "  File \"/usr/lib/python3.12/json/decoder.py\", line 2, in decode",
                "    raise JSONDecodeError(\"x\")",
                "    ^^^^^^^^^^^^^^^^^^^^^^^^",
                "json.decoder.JSONDecodeError: Expecting value",
                "second line of the message",
                "",
                "The above exception was the direct cause of the following exception:",
                "",
                "Traceback (most recent call last):",
                "  File \"/srv/app/b.py\", line 3, in h",
                "ValueError");
        assertEquals(List.of(HEADER, OWN_FRAME, OWN_CODE, LIBRARY_FRAME, LIBRARY_CODE, LIBRARY_CODE, EXCEPTION,
                EXCEPTION, OTHER, CHAIN, OTHER, HEADER, OWN_FRAME, EXCEPTION), kinds(text));
    }

    @Test
    void headerAfterALogPrefixFrozenFramesAndElisions() {
        String text = String.join("\n",
                "[32524] ERROR app.plugins: cannot load - Traceback (most recent call last):",
                "  File \"/usr/lib/python3.9/importlib/__init__.py\", line 127, in import_module",
                "  File \"<frozen importlib._bootstrap>\", line 1030, in _gcd_import",
                "  File \"/srv/app/plugins/custom_rules.py\", line 12, in f",
                "    f()",
                "  [Previous line repeated 996 more times]",
                "RecursionError: maximum recursion depth exceeded");
        assertEquals(List.of(HEADER, LIBRARY_FRAME, LIBRARY_FRAME, OWN_FRAME, OWN_CODE, ELISION, EXCEPTION),
                kinds(text));
    }

    @Test
    void exceptionGroupMargins() {
        String text = String.join("\n",
                "  + Exception Group Traceback (most recent call last):",
                "  |   File \"/srv/app/main.py\", line 5, in <module>",
                "  |     run()",
                "  | ExceptionGroup: two (2 sub-exceptions)",
                "  +-+---------------- 1 ----------------",
                "    | Traceback (most recent call last):",
                "    |   File \"/srv/app/x.py\", line 2, in t",
                "    | ValueError: 1",
                "    +------------------------------------");
        assertEquals(List.of(HEADER, OWN_FRAME, OWN_CODE, EXCEPTION, GROUP_RULE, HEADER, OWN_FRAME, EXCEPTION,
                GROUP_RULE), kinds(text));
    }

    @Test
    void everyLineHasAKindEvenWhenNotRecognised() {
        String text = "garbage\n\u001b[31m\nTraceback (most recent call last):\n  File \"x.py\", line 1, in f";
        assertEquals(List.of(OTHER, OTHER, HEADER, OWN_FRAME), kinds(text));
        assertEquals(List.of(), kinds(""));
        assertEquals(List.of(OTHER, OTHER), LineKinds.of("cobol", "a\nb"));
    }
}
