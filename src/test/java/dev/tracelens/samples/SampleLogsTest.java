package dev.tracelens.samples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled {@code sample-logs/} are what the generator makes from its default seed. */
class SampleLogsTest {
    static final Path SAMPLES = Path.of("sample-logs");

    @Test
    void bundledSamplesAreReproducibleFromTheSeed(@TempDir Path dir) throws IOException {
        List<Path> generated = SampleArchiveGenerator.write(dir, SampleArchiveGenerator.DEFAULT_SEED).files();
        assertEquals(SampleArchiveGenerator.FILES, generated.size());
        long total = 0;
        for (Path file : generated) {
            Path bundled = SAMPLES.resolve(file.getFileName());
            assertTrue(Files.exists(bundled), bundled + " is missing: run the generator (README)");
            // Compare what the archives say, not the gzip bytes, which depend on the zlib build.
            assertArrayEquals(inflate(file), inflate(bundled), bundled + " differs from the generator's output");
            total += Files.size(bundled);
        }
        assertTrue(total <= 2 * 1024 * 1024, "sample-logs must stay small: " + total + " bytes");
    }

    static byte[] inflate(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
