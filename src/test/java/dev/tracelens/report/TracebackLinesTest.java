package dev.tracelens.report;

import dev.tracelens.report.TracebackLines.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TracebackLinesTest {

    private static List<Kind> kinds(String text) {
        return TracebackLines.of(text).stream().map(TracebackLines.Line::kind).toList();
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
        assertEquals(List.of(Kind.HEADER, Kind.APP_FRAME, Kind.APP_CODE, Kind.LIBRARY_FRAME, Kind.LIBRARY_CODE,
                Kind.LIBRARY_CODE, Kind.EXCEPTION, Kind.EXCEPTION, Kind.OTHER, Kind.CHAIN, Kind.OTHER, Kind.HEADER,
                Kind.APP_FRAME, Kind.EXCEPTION), kinds(text));
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
        assertEquals(List.of(Kind.HEADER, Kind.APP_FRAME, Kind.APP_CODE, Kind.EXCEPTION, Kind.GROUP_RULE, Kind.HEADER,
                Kind.APP_FRAME, Kind.EXCEPTION, Kind.GROUP_RULE), kinds(text));
    }

    @Test
    void everyLineIsKeptEvenWhenNotRecognised() {
        String text = "garbage\n\u001b[31m\nTraceback (most recent call last):\n  File \"x.py\", line 1, in f";
        List<TracebackLines.Line> lines = TracebackLines.of(text);
        assertEquals(4, lines.size());
        assertEquals(text, String.join("\n", lines.stream().map(TracebackLines.Line::text).toList()));
        assertEquals(List.of(Kind.OTHER, Kind.OTHER, Kind.HEADER, Kind.APP_FRAME), kinds(text));
    }
}
