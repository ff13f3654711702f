package dev.tracelens.store;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * A set of non-negative longs (pairs of ordinals, {@code group << 32 | name}), open addressing
 * with linear probing. Group lists add one pair per host and per program for every matching
 * document; boxing them into a {@code HashSet<Long>} made an unfiltered group list over a
 * million occurrences several times slower.
 */
final class PairSet {
    private static final long EMPTY = -1;

    private long[] slots = new long[64];
    private int size;

    PairSet() {
        Arrays.fill(slots, EMPTY);
    }

    static long pair(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFFFFFFL);
    }

    void add(long key) {
        if (key < 0) {
            throw new IllegalArgumentException("negative key " + key);
        }
        int mask = slots.length - 1;
        int i = (int) mix(key) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == key) {
                return;
            }
            i = (i + 1) & mask;
        }
        slots[i] = key;
        if (++size * 2 > slots.length) {
            grow();
        }
    }

    int size() {
        return size;
    }

    void forEach(LongConsumer action) {
        for (long k : slots) {
            if (k != EMPTY) {
                action.accept(k);
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        Arrays.fill(slots, EMPTY);
        int mask = slots.length - 1;
        for (long k : old) {
            if (k != EMPTY) {
                int i = (int) mix(k) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = k;
            }
        }
    }

    private static long mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
