package dev.tracelens.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class VisibleTextTest {
    @Test
    void controlCharactersBecomeVisible() {
        assertEquals("bell\u2407 esc\u241b[31m nul\u2400 del\u2421 cr\u240d",
                VisibleText.of("bell\u0007 esc\u001b[31m nul\u0000 del\u007f cr\r", true));
        assertEquals("a\nb\tc", VisibleText.of("a\nb\tc", true), "layout kept in blocks");
        assertEquals("a\u240ab\u2409c", VisibleText.of("a\nb\tc", false), "one-line text shows newlines and tabs");
        assertEquals("x\\u0085y\\u009bz", VisibleText.of("x\u0085y\u009bz", true), "C1 controls, CSI included");
    }

    @Test
    void bidiControlsAndInvisibleFormatCharactersBecomeVisible() {
        for (char c = '\u202a'; c <= '\u202e'; c++) {
            assertEquals("a" + String.format("\\u%04x", (int) c) + "b", VisibleText.of("a" + c + "b", true));
        }
        for (char c = '\u2066'; c <= '\u2069'; c++) {
            assertEquals("a" + String.format("\\u%04x", (int) c) + "b", VisibleText.of("a" + c + "b", true));
        }
        assertEquals("\\u200e\\u200f\\u200b\\u2028\\u2029\\ufeff\\uffff", VisibleText.of("\u200e\u200f\u200b\u2028\u2029\ufeff\uffff", true));
        // A tag character (U+E0041) can smuggle invisible text; it is a surrogate pair in Java.
        assertEquals("ok\\u{e0041}", VisibleText.of("ok" + Character.toString(0xE0041), true));
    }

    @Test
    void plainTextIsReturnedAsItIs() {
        String plain = "nothing to do: äöü 日本 😀 \t";
        assertSame(plain, VisibleText.of(plain, true));
        assertEquals("", VisibleText.of(null, true));
    }
}
