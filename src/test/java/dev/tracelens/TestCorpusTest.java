package dev.tracelens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestCorpusTest {
    @Test
    void aMissingCorpusFailsInCiAndSkipsOutside(@TempDir Path tmp) {
        String missing = tmp.resolve("no-corpus").toString();
        AssertionError inCi = assertThrows(AssertionError.class, () -> TestCorpus.folder(missing, Map.of("CI", "true")));
        assertTrue(inCi.getMessage().contains(missing) && inCi.getMessage().contains("CI=true"), inCi.getMessage());
        assertThrows(AssertionError.class, () -> TestCorpus.folder(null, Map.of("CI", "TRUE")));
        assertThrows(TestAbortedException.class, () -> TestCorpus.folder(missing, Map.of()));
        assertThrows(TestAbortedException.class, () -> TestCorpus.folder(missing, Map.of("CI", "false")));
        assertEquals(tmp, TestCorpus.folder(tmp.toString(), Map.of("CI", "true")));
    }
}
