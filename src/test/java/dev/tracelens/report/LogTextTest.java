package dev.tracelens.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LogTextTest {
    @Test
    void controlCharactersBecomeVisible() {
        assertEquals("bell\u2407 esc\u241b[31m nul\u2400 del\u2421", LogText.visible("bell\u0007 esc\u001b[31m nul\u0000 del\u007f", true));
        assertEquals("a\nb\tc\u240d", LogText.visible("a\nb\tc\r", true), "layout kept in blocks, CR shown");
        assertEquals("a\u240ab\u2409c", LogText.visible("a\nb\tc", false), "one-line text shows newlines and tabs");
        assertEquals("x\\u0085y\\u202ez\\u2066w\\ufeff", LogText.visible("x\u0085y\u202ez\u2066w\ufeff", true));
        String plain = "nothing to do: äöü 日本 😀";
        assertSame(plain, LogText.visible(plain, true));
    }

    @Test
    void oneLineTakesTheFirstLineAndCutsLongOnes() {
        assertEquals("first …", LogText.oneLine("first\nsecond", 100));
        assertEquals("first", LogText.oneLine("first\n", 100));
        assertEquals("abc…", LogText.oneLine("abcdef", 3));
        assertEquals("a…", LogText.oneLine("a😀", 2), "never half a surrogate pair");
        assertEquals("", LogText.oneLine(null, 5));
    }
}
