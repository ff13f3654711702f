package dev.tracelens.store;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PairSetTest {
    @Test
    void holdsTheSameAsAHashSet() {
        Random random = new Random(1);
        PairSet set = new PairSet();
        Set<Long> expected = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            long key = PairSet.pair(random.nextInt(500), random.nextInt(300));
            set.add(key);
            expected.add(key);
        }
        set.add(PairSet.pair(0, 0));
        expected.add(0L);
        Set<Long> actual = new HashSet<>();
        set.forEach(actual::add);
        assertEquals(expected, actual);
        assertEquals(expected.size(), set.size());
        assertThrows(IllegalArgumentException.class, () -> set.add(-5));
    }
}
