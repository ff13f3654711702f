package dev.tracelens.store;

import dev.tracelens.traceback.Traceback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Kills a real import (SIGKILL, in a child JVM) after its first commit, then checks that the
 * store opens, that a re-import finishes the job, and that the result equals a clean import:
 * nothing lost, nothing duplicated. Needs the real archive reader and assembler.
 */
class KillImportTest {
    @TempDir
    Path tmp;

    @Test
    void killedImportIsFinishedByTheNextOne() throws Exception {
        assumeTrue(EngineCheck.engineAvailable(), "needs the real ArchiveReader and TracebackAssembler");
        Path archives = tmp.resolve("archives");
        List<Path> files = ArchiveFixtures.write(archives, 8, 300);

        List<String> clean;
        try (TracebackStore store = TracebackStore.open(tmp.resolve("clean"))) {
            ImportResult r = new StoreImporter(store, 5).importPaths(List.of(archives), ImportListener.NONE);
            assertEquals(files.size(), r.imported().size());
            clean = summary(store);
        }
        assertTrue(clean.size() >= 8 * 300, "the fixture yields tracebacks: " + clean.size());

        Path killed = tmp.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KillableImport.class.getName(), killed.toString(), archives.toString())
                .redirectErrorStream(true).start();
        // A child that hangs must not hang the build.
        CompletableFuture.delayedExecutor(2, TimeUnit.MINUTES).execute(child::destroyForcibly);
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("imported ")) {
                    // Somewhere in the middle of a later archive, not always right after a commit.
                    Thread.sleep(new Random().nextInt(150));
                    break;
                }
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("imported ")), "child output: " + lines);
        assertTrue(lines.stream().noneMatch(l -> l.equals("done")), "killed before the end: " + lines);

        try (TracebackStore store = TracebackStore.open(killed)) {
            long before = store.tracebackCount();
            int registered = new ArchiveRegistry(store).list().size();
            assertTrue(registered >= 1 && registered < files.size(), "registered " + registered);
            assertTrue(before > 0 && before < clean.size(), "stored before re-import: " + before);
            ImportResult r = new StoreImporter(store, 5).importPaths(List.of(archives), ImportListener.NONE);
            assertEquals(files.size() - registered, r.imported().size());
            assertEquals(clean, summary(store));
            assertEquals(clean.size(), store.tracebackCount());
        }
    }

    /** Every stored traceback by key, last row, group and completeness, in key order. */
    private static List<String> summary(TracebackStore store) {
        List<String> out = new ArrayList<>();
        for (Traceback t : new StoreQueries(store).search(StoreFilter.ALL, 1_000_000).hits()) {
            out.add(t.firstId() + " " + t.id() + " " + t.fingerprint() + " " + t.truncated() + " "
                    + t.context().size());
        }
        out.sort(null);
        return out;
    }
}
