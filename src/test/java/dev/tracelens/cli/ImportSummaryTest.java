package dev.tracelens.cli;

import dev.tracelens.store.ArchiveFixtures;
import dev.tracelens.store.EngineCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The import summary's "written" and "holds" add up, or the difference is said (issue 18 item 2). */
class ImportSummaryTest {
    @TempDir
    Path tmp;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TracelensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(0, code, err.toString());
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void aProvisionalVersionCompletedLaterIsCountedAsReplaced() throws IOException {
        assumeTrue(EngineCheck.engineAvailable(), "needs the real engine");
        List<Path> files = ArchiveFixtures.write(tmp.resolve("archives"), 2, 10);
        String store = tmp.resolve("store").toString();
        // 10 tracebacks, and the one crossing into the next hour in its provisional version.
        String first = run("import", files.get(0).toString(), "--store", store)[0];
        assertTrue(first.contains(" 11 tracebacks written in "), first);
        assertTrue(first.contains("holds 11 tracebacks"), first);
        // The next hour: its 10 and its own crossing one; and, written again now that they are known
        // to be complete, the first hour's crossing one and its last one of another host (still open
        // at that hour's end: its message might have gone on).
        String second = run("import", tmp.resolve("archives").toString(), "--store", store)[0];
        assertTrue(second.contains(" 13 tracebacks written (2 replaced an earlier version of the same traceback) in "),
                second);
        assertTrue(second.contains("holds 22 tracebacks"), second);
    }
}
