package dev.tracelens.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportBatchesTest {
    @Test
    void eachBatchAfterTheFirstStartsWithThePreviousBatchsLastFile() {
        Path a = Path.of("c/2024-03-01-00.tsv.gz");
        Path b = Path.of("c/2024-03-01-01.tsv.gz");
        Path c = Path.of("c/2024-03-01-02.tsv.gz");
        ImportBatches batches = new ImportBatches();

        ImportBatches.Batch first = batches.next(List.of(a, b));
        assertNull(first.warmUp());
        assertEquals(List.of(a, b), first.files());
        assertFalse(first.isWarmUp(a.toString()), "the first batch has no warm-up file, even with two files");

        ImportBatches.Batch second = batches.next(List.of(c));
        assertEquals(b, second.warmUp());
        assertEquals(List.of(b, c), second.files());
        assertTrue(second.isWarmUp(b.toString()));
        assertFalse(second.isWarmUp(c.toString()));

        assertEquals(List.of(c), batches.next(List.of()).files(), "an empty batch keeps the warm-up file");
        assertEquals(List.of(c, a), batches.next(List.of(a)).files());
    }
}
