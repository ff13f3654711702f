package dev.tracelens.archive;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The word-at-a-time searches agree with plain byte loops on random data. */
class BytesTest {

    private static int naiveIndexOf(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean naiveContains(byte[] a, int from, int to, byte[] needle) {
        for (int i = from; i + needle.length <= to; i++) {
            if (Arrays.equals(a, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void agreesWithByteLoops() {
        Random random = new Random(3);
        for (int round = 0; round < 20_000; round++) {
            byte[] a = new byte[random.nextInt(100)];
            for (int i = 0; i < a.length; i++) {
                a[i] = (byte) "\t\n\u0008\u000bab\u0000\u00ff".charAt(random.nextInt(8));
            }
            int from = a.length == 0 ? 0 : random.nextInt(a.length);
            int to = from + (a.length == from ? 0 : random.nextInt(a.length - from + 1));
            byte b = (byte) "\t\nab".charAt(random.nextInt(4));
            assertEquals(naiveIndexOf(a, from, to, b), Bytes.indexOf(a, from, to, b));
            byte[] needle = Arrays.copyOfRange(a, from, from + Math.min(to - from, random.nextInt(12)));
            if (random.nextBoolean() && needle.length > 0) {
                needle[random.nextInt(needle.length)] ^= 1;
            }
            assertEquals(naiveContains(a, from, to, needle), Bytes.contains(a, from, to, needle));
            int n = Math.min(to - from, random.nextInt(80));
            byte[] copy = Arrays.copyOfRange(a, from, from + n);
            if (random.nextBoolean() && n > 0) {
                copy[random.nextInt(n)] ^= (byte) 0x80;
            }
            assertEquals(Arrays.equals(a, from, from + n, copy, 0, n), Bytes.equal(a, from, copy, 0, n));
        }
    }

    @Test
    void excerptsAreShortAndPrintable() {
        byte[] a = "a\tb\u0001c\"d\\".getBytes(StandardCharsets.UTF_8);
        assertEquals("a\\tb\\x01c\\\"d\\\\", Bytes.excerpt(a, 0, a.length, 60));
        byte[] long_ = "x".repeat(100).getBytes(StandardCharsets.UTF_8);
        assertEquals("x".repeat(60) + "…", Bytes.excerpt(long_, 0, long_.length, 60));
        byte[] bad = {'o', 'k', (byte) 0xff};
        assertEquals("ok\uFFFD", Bytes.excerpt(bad, 0, bad.length, 60));
    }
}
