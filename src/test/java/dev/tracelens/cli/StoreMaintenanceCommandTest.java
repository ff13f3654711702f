package dev.tracelens.cli;

import dev.tracelens.store.ArchiveFixtures;
import dev.tracelens.store.DamagedStoreTest;
import dev.tracelens.store.EngineCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A damaged store on the command line: every command names the store and the damage, never with
 * a stack trace; {@code store check} finds it; {@code store rebuild} repairs it. And the causes a
 * store cannot be opened for (a file given as --store, a file in place of a folder, permissions)
 * are named with what to do.
 */
class StoreMaintenanceCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TracelensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void damagedStoreIsNamedCheckedAndRebuilt() throws IOException {
        assumeTrue(EngineCheck.engineAvailable(), "needs the real engine");
        Path archives = tmp.resolve("archives");
        List<Path> files = ArchiveFixtures.write(archives, 4, 60);
        String store = tmp.resolve("store").toString();
        for (int i = 0; i < 3; i++) {
            assertEquals(0, run("import", files.get(i).toString(), "--store", store).code());
        }
        Run intact = run("store", "check", "--store", store);
        assertEquals(0, intact.code(), intact.all());
        assertTrue(intact.out().contains("is intact"), intact.out());

        DamagedStoreTest.damage(Path.of(store));
        int saidDamaged = 0;
        for (String[] command : List.of(new String[] {"groups"}, new String[] {"search", "KeyError"},
                new String[] {"export", "--format", "json", "-o", tmp.resolve("r.json").toString()},
                new String[] {"import", archives.toString()})) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                    java.util.stream.Stream.of("--store", store)).toArray(String[]::new);
            Run r = run(args);
            assertFalse(r.all().contains("\tat ") || r.all().contains("Exception:"), String.join(" ", command) + ": " + r.all());
            if (r.code() != 0) {
                assertTrue(r.err().contains("The store at " + store + " is damaged") && r.err().contains("store rebuild"),
                        String.join(" ", command) + ": " + r.err());
                saidDamaged++;
            }
        }
        assertTrue(saidDamaged > 0, "200 changed bytes went unnoticed by every command");

        Run check = run("store", "check", "--store", store);
        assertEquals(1, check.code(), check.all());
        assertTrue(check.out().contains("is damaged"), check.out());

        Run rebuilt = run("store", "rebuild", archives.toString(), "--store", store);
        assertEquals(0, rebuilt.code(), rebuilt.all());
        assertTrue(rebuilt.out().startsWith("Rebuilt the store at " + store + " from 4 archive(s)"), rebuilt.out());
        assertEquals(0, run("store", "check", "--store", store).code());
        Run groups = run("groups", "--store", store);
        assertEquals(0, groups.code(), groups.all());
    }

    @Test
    void aFileGivenAsTheStoreIsNamedAsSuch() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        for (String command : List.of("groups", "prune")) {
            Run r = command.equals("prune") ? run("prune", "--before", "2016-01-01", "--store", file.toString())
                    : run(command, "--store", file.toString());
            assertEquals(1, r.code(), r.all());
            assertTrue(r.err().contains(file + " is a file, not a folder; give --store a folder"), r.err());
        }
        assertEquals("mine", Files.readString(file), "the file is left alone");
    }

    @Test
    void aFileInPlaceOfAFolderOnTheWayIsNamed() throws IOException {
        Path file = Files.writeString(tmp.resolve("data"), "mine");
        Run r = run("prune", "--before", "2016-01-01", "--store", file.resolve("tracelens").toString());
        assertEquals(1, r.code(), r.all());
        assertTrue(r.err().contains("because " + file + " is a file, not a folder"), r.err());
    }

    @Test
    void aStoreFolderThisUserMayNotWriteSaysPermissionDeniedAndWhatToDo() throws IOException {
        assumeTrue(!"root".equals(System.getProperty("user.name")),
                "root may write any folder whatever its mode, so the permission case cannot be made as root");
        Path store = Files.createDirectories(tmp.resolve("locked"));
        store.toFile().setWritable(false, false);
        try {
            Run r = run("prune", "--before", "2016-01-01", "--store", store.toString());
            assertEquals(1, r.code(), r.all());
            assertTrue(r.err().contains("permission denied") && r.err().contains("make it writable"), r.err());
        } finally {
            store.toFile().setWritable(true, false);
        }
    }
}
