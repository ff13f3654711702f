package dev.tracelens.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A store with 200 bytes changed inside a segment file: every command says which store is
 * damaged and how to get out of it, never with a stack trace; {@code check} finds the damage;
 * {@code rebuild} brings back a store equal to a clean import of the archives still on disk.
 */
public class DamagedStoreTest {
    @TempDir
    Path tmp;
    private Path archives;
    private List<Path> files;
    private Path store;

    @BeforeEach
    void damagedStore() throws IOException {
        assumeTrue(EngineCheck.engineAvailable(), "needs the real engine");
        archives = tmp.resolve("archives");
        files = ArchiveFixtures.write(archives, 4, 60);
        store = tmp.resolve("store");
        try (TracebackStore s = TracebackStore.open(store)) {
            new StoreImporter(s, 5).importArchives(files.subList(0, 3), ImportListener.NONE);
        }
        damage(store);
    }

    /** Changes 200 bytes in the middle of the store's largest segment file. */
    public static void damage(Path store) throws IOException {
        Path largest;
        try (Stream<Path> list = Files.list(store)) {
            largest = list.filter(f -> f.getFileName().toString().endsWith(".cfs"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(largest.toFile(), "rw")) {
            long at = f.length() / 2;
            byte[] bytes = new byte[200];
            f.seek(at);
            f.readFully(bytes);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] ^= (byte) 0x5A;
            }
            f.seek(at);
            f.write(bytes);
        }
    }

    /** Runs {@code work}; it may succeed (it did not touch the damage) or fail saying the store is damaged. */
    private static List<String> succeedsOrSaysDamaged(String what, Runnable work, List<String> stderr) {
        PrintStream old = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        List<String> failures = new ArrayList<>();
        try {
            work.run();
        } catch (StoreException e) {
            assertTrue(e.getMessage().contains("is damaged") && e.getMessage().contains("tracelens store rebuild"),
                    what + ": " + e.getMessage());
            failures.add(what);
        } finally {
            System.setErr(old);
        }
        stderr.add(captured.toString(StandardCharsets.UTF_8));
        return failures;
    }

    @Test
    void everyCommandSaysTheStoreIsDamagedWithoutAStackTrace() throws Exception {
        List<String> stderr = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        failed.addAll(succeedsOrSaysDamaged("read", () -> {
            try (TracebackStore s = TracebackStore.openReadOnly(store)) {
                StoreQueries q = new StoreQueries(s);
                q.groups(StoreFilter.ALL, GroupSort.COUNT, 100);
                for (var hit : q.search(StoreFilter.ALL, 100_000).hits()) {
                    q.occurrence(hit.firstId(), hit.ordinal());
                }
            }
        }, stderr));
        failed.addAll(succeedsOrSaysDamaged("import", () -> {
            try (TracebackStore s = TracebackStore.open(store)) {
                new StoreImporter(s, 5).importArchives(files, ImportListener.NONE);
                // Merging everything reads every file back, as later imports eventually do. The raw
                // writer's failure is turned into the store's message, as the store does for its own calls.
                try {
                    s.writer().forceMerge(1);
                    s.commit();
                } catch (IOException | IllegalStateException e) {
                    if (StoreErrors.damage(e) != null) {
                        throw s.damaged(e);
                    }
                    throw e;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, stderr));
        assertFalse(failed.isEmpty(), "200 changed bytes went unnoticed everywhere");
        for (String e : stderr) {
            assertFalse(e.contains("\tat "), "no stack trace on stderr: " + e);
        }

        StoreHealth health = StoreMaintenance.check(store);
        assertFalse(health.intact());
        assertTrue(health.damagedSegments() >= 1, health.toString());
        assertTrue(health.problems().getFirst().contains("is damaged"), health.problems().toString());
    }

    @Test
    void rebuildImportsTheArchivesStillOnDiskAndSwapsTheStoreIn() throws Exception {
        Files.delete(files.getFirst());
        RebuildResult r = StoreMaintenance.rebuild(store, List.of(), 5, ImportListener.NONE);
        assertEquals(store.toAbsolutePath().normalize(), r.store());
        assertTrue(Files.isDirectory(r.oldStore()), "the damaged store is kept: " + r.oldStore());
        // The record of an archive whose commit sits in the damaged segment may be lost with it.
        assertTrue(r.reimported().size() + r.gone().size() + r.unreadable() <= 3, r.toString());
        assertEquals(List.of(files.getFirst().getFileName().toString()),
                r.gone().stream().map(ArchiveRecord::name).toList());
        assertFalse(r.reimported().isEmpty(), r.toString());
        KillImportTest.Snapshot clean;
        try (TracebackStore s = TracebackStore.open(tmp.resolve("clean"))) {
            List<Path> same = r.reimported().stream().map(a -> archives.resolve(a.name())).toList();
            new StoreImporter(s, 5).importArchives(same, ImportListener.NONE);
            clean = KillImportTest.Snapshot.of(s);
        }
        try (TracebackStore s = TracebackStore.open(store)) {
            assertEquals(clean, KillImportTest.Snapshot.of(s));
        }
        assertTrue(StoreMaintenance.check(store).intact());
        assertFalse(Files.exists(store.resolveSibling("store.rebuild")));
    }

    @Test
    void rebuildTakesTheArchivesItIsGivenWhenTheRegistryIsGone() throws Exception {
        KillImportTest.Snapshot clean;
        try (TracebackStore s = TracebackStore.open(tmp.resolve("clean"))) {
            new StoreImporter(s, 5).importArchives(files, ImportListener.NONE);
            clean = KillImportTest.Snapshot.of(s);
        }
        RebuildResult r = StoreMaintenance.rebuild(store, List.of(archives), 5, ImportListener.NONE);
        assertEquals(List.of(), r.gone());
        assertEquals(4, r.result().imported().size());
        try (TracebackStore s = TracebackStore.open(store)) {
            assertEquals(clean, KillImportTest.Snapshot.of(s));
        }
    }

    @Test
    void rebuildWithNothingOnDiskSaysWhatToDoAndLeavesTheStore() throws Exception {
        for (Path f : files) {
            Files.delete(f);
        }
        StoreException e = assertThrows(StoreException.class,
                () -> StoreMaintenance.rebuild(store, List.of(), 5, ImportListener.NONE));
        assertTrue(e.getMessage().contains("name the archive files or folders"), e.getMessage());
        assertTrue(Files.isDirectory(store));
        assertFalse(Files.exists(store.resolveSibling("store.rebuild")));
    }
}
