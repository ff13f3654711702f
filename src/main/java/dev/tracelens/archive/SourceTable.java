package dev.tracelens.archive;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Interns (host, program) pairs straight from row bytes, so that rows of a known source cost a
 * hash and a byte comparison, never a String. Open addressing with linear probing; the table
 * holds indexes into the dense source list. Not thread-safe (used by the parsing thread only).
 *
 * <p>Compact, because an archive may hold a million hosts: the keys' bytes live in one arena
 * (no array per source), and program names, which repeat across hosts, are one String each.
 */
final class SourceTable {
    private int[] slots = emptySlots(64);
    private int[] hashes = new int[16];
    private int[] keyStarts = new int[17];
    private byte[] arena = new byte[1024];
    private int[] hostLengths = new int[16];
    private Source[] sources = new Source[16];
    private final java.util.HashMap<String, String> programs = new java.util.HashMap<>();
    private int size;

    Source intern(byte[] a, int hostFrom, int hostTo, int programFrom, int programTo) {
        return intern(a, hostFrom, hostTo, a, programFrom, programTo);
    }

    /** Host and program from different arrays (a file name as host, a program from the line). */
    Source intern(byte[] a, int hostFrom, int hostTo, byte[] p, int programFrom, int programTo) {
        int hostLength = hostTo - hostFrom;
        int programLength = programTo - programFrom;
        int h = hash(a, hostFrom, hostTo, 0x9E3779B9);
        h = hash(p, programFrom, programTo, h * 0x01000193 + hostLength);
        int mask = slots.length - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int index = slots[slot];
            if (index < 0) {
                return add(slot, h, a, hostFrom, hostTo, p, programFrom, programTo);
            }
            if (hashes[index] == h && hostLengths[index] == hostLength) {
                int key = keyStarts[index];
                if (keyStarts[index + 1] - key == hostLength + programLength
                        && Bytes.equal(arena, key, a, hostFrom, hostLength)
                        && Bytes.equal(arena, key + hostLength, p, programFrom, programLength)) {
                    return sources[index];
                }
            }
        }
    }

    /** The sources interned so far, by index. */
    List<Source> sources() {
        return List.of(Arrays.copyOf(sources, size));
    }

    private Source add(int slot, int h, byte[] a, int hostFrom, int hostTo, byte[] p, int programFrom, int programTo) {
        int index = size++;
        if (index == sources.length) {
            int n = index * 2;
            hashes = Arrays.copyOf(hashes, n);
            keyStarts = Arrays.copyOf(keyStarts, n + 1);
            hostLengths = Arrays.copyOf(hostLengths, n);
            sources = Arrays.copyOf(sources, n);
        }
        int hostLength = hostTo - hostFrom;
        int programLength = programTo - programFrom;
        int start = keyStarts[index];
        if (start + hostLength + programLength + 8 > arena.length) {
            // +8 spare: Bytes.equal may read a whole word at the end of a key.
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, start + hostLength + programLength + 8));
        }
        System.arraycopy(a, hostFrom, arena, start, hostLength);
        System.arraycopy(p, programFrom, arena, start + hostLength, programLength);
        keyStarts[index + 1] = start + hostLength + programLength;
        hashes[index] = h;
        hostLengths[index] = hostLength;
        String program = programs.computeIfAbsent(new String(p, programFrom, programLength, StandardCharsets.UTF_8), k -> k);
        sources[index] = new Source(index, new String(a, hostFrom, hostLength, StandardCharsets.UTF_8), program);
        slots[slot] = index;
        if (size * 2 > slots.length) {
            rehash();
        }
        return sources[index];
    }

    private void rehash() {
        int[] bigger = emptySlots(slots.length * 2);
        int mask = bigger.length - 1;
        for (int index = 0; index < size; index++) {
            int slot = hashes[index] & mask;
            while (bigger[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = index;
        }
        slots = bigger;
    }

    private static int[] emptySlots(int n) {
        int[] s = new int[n];
        Arrays.fill(s, -1);
        return s;
    }

    /** Eight bytes at a time (the last word overlapping), since this runs for every row. */
    private static int hash(byte[] a, int from, int to, int seed) {
        long h = seed;
        int i = from;
        if (to - from >= 8) {
            for (; i + 8 <= to; i += 8) {
                h = (h ^ Bytes.word(a, i)) * 0x9E3779B97F4A7C15L;
            }
            if (i < to) {
                h = (h ^ Bytes.word(a, to - 8)) * 0x9E3779B97F4A7C15L;
            }
        } else {
            for (; i < to; i++) {
                h = (h ^ (a[i] & 0xFF)) * 0x100000001B3L;
            }
        }
        return (int) (h ^ (h >>> 32) ^ (h >>> 17));
    }
}
