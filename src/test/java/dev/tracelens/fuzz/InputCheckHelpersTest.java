package dev.tracelens.fuzz;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The check's hand-written helpers say exactly what the library calls they replaced said
 * ({@code String.split("\n", -1).length}, {@code matches("[0-9a-f]{16}")}): a faster check must
 * not be a weaker one.
 */
class InputCheckHelpersTest {
    private static final List<String> TEXTS = List.of("", "\n", "\n\n", "a", "a\n", "\na", "a\nb", "a\n\nb\n",
            "Traceback (most recent call last):\n  File \"a.py\", line 1, in f\nValueError: x", "\r\n", "a\rb",
            "0123456789abcdef", "0123456789ABCDEF", "0123456789abcdeg", "0123456789abcde", "0123456789abcdef0",
            "deadbeefdeadbeef", "deadbeefdeadbee\n", "\u0660123456789abcdef", "ffffffffffffffff");

    @Test
    void lineCountIsWhatSplitGives() {
        for (String t : TEXTS) {
            assertEquals(t.split("\n", -1).length, InputCheck.lineCount(t), t);
        }
    }

    @Test
    void lowerHex16IsWhatTheRegexSays() {
        Pattern hex = Pattern.compile("[0-9a-f]{16}");
        for (String t : TEXTS) {
            assertEquals(hex.matcher(t).matches(), InputCheck.lowerHex16(t), t);
        }
    }
}
