package dev.tracelens.archive;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The UTF-8 check agrees with the JDK's strict decoder. */
class Utf8Test {

    private static boolean jdkValid(byte[] a) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(a));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void agreesWithTheJdkDecoder() {
        Random random = new Random(5);
        int[] interesting = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0,
                0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff};
        for (int round = 0; round < 50_000; round++) {
            byte[] a = new byte[1 + random.nextInt(6)];
            for (int i = 0; i < a.length; i++) {
                a[i] = (byte) interesting[random.nextInt(interesting.length)];
            }
            assertEquals(jdkValid(a), Utf8.firstInvalid(a, 0, a.length) < 0, () -> java.util.HexFormat.of().formatHex(a));
        }
    }

    @Test
    void aCutNeverSplitsACharacter() {
        byte[] a = "aé✓\uD83D\uDE00".getBytes(StandardCharsets.UTF_8); // 1 + 2 + 3 + 4 bytes
        int[] expected = {0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10};
        for (int to = 0; to <= a.length; to++) {
            assertEquals(expected[to], Utf8.safeCut(a, 0, to), "cut at " + to);
        }
    }
}
