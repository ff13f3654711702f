package dev.tracelens.store;

import dev.tracelens.traceback.Traceback;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Kills real imports (a child JVM, SIGKILL) at many points: before tracebacks are written while
 * an archive is read, inside Lucene's commit (while new files are fsynced, just before the commit
 * is published), right after an archive's commit, and after a spread of delays. The archives have
 * tracebacks crossing every hour and one whose host is silent for a whole hour while it is open.
 * Every time, the killed store must equal a clean import of the archives it registers, and a
 * re-import must make it equal a clean import of all: same tracebacks (key, rows, text, group,
 * context), same groups and counts, same archive records. The same for two imports racing on one
 * store, and for a prune killed half-way.
 */
class KillImportTest {
    private static final int HOURS = 5;

    @TempDir
    Path tmp;
    private Path archives;
    private List<Path> files;
    private final Map<Integer, Snapshot> cleanOfFirst = new HashMap<>();

    /** What a store holds, minus when and from which folder it was imported. */
    record Snapshot(List<Traceback> tracebacks, List<String> groups, List<String> archives) {
        static Snapshot of(TracebackStore store) {
            StoreQueries q = new StoreQueries(store);
            List<Traceback> all = new ArrayList<>();
            for (Traceback hit : q.search(StoreFilter.ALL, 1_000_000).hits()) {
                all.add(q.occurrence(hit.firstId(), hit.ordinal()).orElseThrow());
            }
            all.sort(Comparator.comparingLong(Traceback::firstId).thenComparingInt(Traceback::ordinal));
            GroupList g = q.groups(StoreFilter.ALL, GroupSort.COUNT, 10_000);
            List<String> groups = new ArrayList<>(List.of("total " + g.totalOccurrences() + " in " + g.totalGroups()));
            g.groups().stream().map(s -> s.fingerprint() + " " + s.count() + " " + s.firstSeen() + " " + s.lastSeen()
                    + " " + s.hosts()).sorted().forEach(groups::add);
            List<String> records = new ArrayList<>();
            for (ArchiveRecord r : new ArchiveRegistry(store).list()) {
                records.add(r.name() + " " + r.sizeBytes() + " " + r.checksum() + " " + r.rows() + " " + r.badRows()
                        + " " + r.tracebacks() + " " + r.complete() + " " + r.pendingFrom());
            }
            return new Snapshot(all, groups, records);
        }
    }

    @BeforeEach
    void archives() throws IOException {
        assumeTrue(EngineCheck.engineAvailable(), "needs the real ArchiveReader and TracebackAssembler");
        archives = tmp.resolve("archives");
        files = ArchiveFixtures.write(archives, HOURS, 40, true);
    }

    /** A clean import of the first {@code n} archives, in this JVM. */
    private Snapshot clean(int n) {
        return cleanOfFirst.computeIfAbsent(n, k -> {
            try (TracebackStore store = TracebackStore.open(tmp.resolve("clean-" + k))) {
                new StoreImporter(store, 5).importArchives(files.subList(0, k), ImportListener.NONE);
                return Snapshot.of(store);
            }
        });
    }

    /** A child JVM running {@link KillableImport}, its output read line by line. */
    private static final class Child implements AutoCloseable {
        final Process process;
        final BufferedReader out;
        final PrintWriter in;
        final List<String> lines = new ArrayList<>();

        Child(String... args) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), KillableImport.class.getName()));
            command.addAll(List.of(args));
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            // A child that hangs must not hang the build.
            CompletableFuture.delayedExecutor(2, TimeUnit.MINUTES).execute(process::destroyForcibly);
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        /** Reads until a line starting with {@code prefix}; false if the child ended first. */
        boolean await(String prefix) throws IOException {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }

        int finish() throws IOException, InterruptedException {
            await("\u0000never");
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    /** Kills an import at {@code point} (or {@code ms:N} after it started) and checks the store before and after a re-import. */
    private void killAndReimport(String point, int run) throws Exception {
        Path store = tmp.resolve("killed-" + run);
        try (Child child = new Child("import", store.toString(), archives.toString(),
                point.startsWith("ms:") ? "none:0" : point)) {
            if (point.startsWith("ms:")) {
                assertTrue(child.await("started"), "child output: " + child.lines);
                Thread.sleep(Integer.parseInt(point.substring(3)));
            } else {
                assertTrue(child.await("POINT"), point + " never reached: " + child.lines);
            }
            child.kill();
            assertTrue(child.lines.stream().noneMatch(l -> l.equals("done")) || point.startsWith("ms:"), point);
        }
        try (TracebackStore killed = TracebackStore.open(store)) {
            Snapshot after = Snapshot.of(killed);
            int registered = after.archives().size();
            assertEquals(clean(registered), after,
                    point + ": the killed store is a clean import of the " + registered + " archives it registers");
            new StoreImporter(killed, 5).importPaths(List.of(archives), ImportListener.NONE);
            assertEquals(clean(HOURS), Snapshot.of(killed), point + ": re-imported");
        }
    }

    @Test
    void killedAnywhereTheNextImportEqualsACleanOne() throws Exception {
        Snapshot all = clean(HOURS);
        assertTrue(all.tracebacks().size() >= HOURS * 40, "the fixture yields tracebacks: " + all.tracebacks().size());
        assertTrue(all.tracebacks().stream().anyMatch(t -> t.exceptionType().equals("OSError") && !t.truncated()),
                "the silent host's traceback is rebuilt whole");
        List<String> points = List.of("traceback:1", "traceback:70", "traceback:150", "sync:1", "sync:3", "sync:5",
                "rename:2", "rename:4", "imported:1", "imported:3", "ms:200", "ms:700");
        for (int i = 0; i < points.size(); i++) {
            killAndReimport(points.get(i), i);
        }
    }

    @Test
    void twoImportsRacingOnOneStoreOneIsRefusedClearly() throws Exception {
        Path store = tmp.resolve("raced");
        try (Child first = new Child("import", store.toString(), archives.toString(), "imported:2")) {
            assertTrue(first.await("POINT"), "first: " + first.lines);
            // The first holds the store (its write lock) while it waits at its point, mid-import.
            Child second = new Child("import", store.toString(), archives.toString());
            assertEquals(3, second.finish(), "second: " + second.lines);
            assertTrue(second.lines.stream().anyMatch(l -> l.startsWith("refused: The store at ")
                    && l.contains("is in use by another Tracelens")), "second: " + second.lines);
            first.in.println("go");
            assertEquals(0, first.finish(), "first: " + first.lines);
            assertTrue(first.lines.contains("done"), "first: " + first.lines);
            second.close();
        }
        try (TracebackStore s = TracebackStore.open(store)) {
            assertEquals(clean(HOURS), Snapshot.of(s));
        }
    }

    @Test
    void pruneKilledHalfWayLeavesTheStoreBeforeOrAfterAndAPruneAgainFinishesIt() throws Exception {
        Instant before = Instant.parse("2016-08-12T02:00:00Z");
        Path imported = tmp.resolve("imported");
        Snapshot pruned;
        try (TracebackStore store = TracebackStore.open(imported)) {
            new StoreImporter(store, 5).importPaths(List.of(archives), ImportListener.NONE);
        }
        Path reference = copy(imported, tmp.resolve("reference"));
        try (TracebackStore store = TracebackStore.open(reference)) {
            assertTrue(new StoreRetention(store).prune(before) > 0);
            pruned = Snapshot.of(store);
        }
        Snapshot whole = clean(HOURS);
        List<String> points = List.of("sync:1", "rename:1", "sync:2", "rename:2", "ms:150");
        for (int i = 0; i < points.size(); i++) {
            String point = points.get(i);
            Path store = copy(imported, tmp.resolve("prune-" + i));
            try (Child child = new Child("prune", store.toString(), before.toString(),
                    point.startsWith("ms:") ? "none:0" : point)) {
                if (point.startsWith("ms:")) {
                    assertTrue(child.await("started"), "child output: " + child.lines);
                    Thread.sleep(Integer.parseInt(point.substring(3)));
                } else {
                    assertTrue(child.await("POINT"), point + " never reached: " + child.lines);
                }
                child.kill();
            }
            try (TracebackStore s = TracebackStore.open(store)) {
                Snapshot after = Snapshot.of(s);
                assertTrue(after.equals(whole) || after.equals(pruned), point + ": the store before or after the prune");
                new StoreRetention(s).prune(before);
                assertEquals(pruned, Snapshot.of(s), point + ": pruned again");
            }
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> list = Files.list(from)) {
            for (Path f : list.toList()) {
                if (!f.getFileName().toString().equals("write.lock")) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        return to;
    }
}
