package dev.tracelens.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchiveListingTest {

    @Test
    void expandsFoldersRecursivelyInTimeOrderAndKeepsGivenFiles(@TempDir Path dir) throws Exception {
        byte[] none = new byte[0];
        Path a = TestArchives.write(dir.resolve("logs/2016-08-12-04.tsv.gz"), none);
        Path b = TestArchives.write(dir.resolve("logs/deep/er/2016-08-12-03.tsv.gz"), none);
        Path c = TestArchives.write(dir.resolve("other/2016-08-12-05.tsv"), none);
        Path d = TestArchives.write(dir.resolve("logs/2016-08-11.gz"), none);
        TestArchives.write(dir.resolve("logs/readme.txt"), none);
        TestArchives.write(dir.resolve("logs/photo.png"), none);
        TestArchives.write(dir.resolve("logs/.2016-08-12-01.tsv.gz"), none);
        TestArchives.write(dir.resolve("logs/.cache/2016-08-12-02.tsv.gz"), none);
        Path given = TestArchives.write(dir.resolve("single/notes.log"), none);
        Path missing = dir.resolve("nowhere/2016-08-12-00.tsv.gz");

        List<Path> found = ArchiveReader.archivesIn(List.of(dir.resolve("other"), dir.resolve("logs"), given, missing,
                dir.resolve("logs")));

        assertEquals(List.of(d, missing, b, a, c, given), found);
        assertEquals(found, ArchiveReader.archivesIn(List.of(given, missing, dir.resolve("logs"), dir.resolve("other"))),
                "the order does not depend on the order of the arguments");
    }

    /** One name rule for files in folders and for files opened one by one (the app's Open files…). */
    @Test
    void archiveNamesInAnyLetterCase(@TempDir Path dir) throws Exception {
        Path upper = TestArchives.write(dir.resolve("logs/2016-08-12-04.TSV.GZ"), new byte[0]);
        assertEquals(List.of(upper), ArchiveReader.archivesIn(List.of(dir.resolve("logs"))));
        assertTrue(ArchiveReader.isArchiveName(Path.of("2016-08-12-03.tsv.gz")));
        assertTrue(ArchiveReader.isArchiveName(Path.of("2016-08-12-03.Tsv")));
    }

    @Test
    void jsonLinesTextLogsAndTheirCompressedFormsAreLogNamesButNotTarballsOrReadmes(@TempDir Path dir) throws Exception {
        for (String log : List.of("iseif-rainforest-002506-2015-09-28-16.jl", "a.jsonl", "b.NDJSON", "server.log",
                "pinger.log.1", "pinger.log.2.gz", "out.txt", "c.jl.bz2", "d.log.xz", "e.jsonl.zst", "f.gz")) {
            assertTrue(ArchiveReader.isArchiveName(Path.of(log)), log);
        }
        for (String other : List.of("logs.tar.gz", "README.txt", "readme.md", "LICENSE.txt", "requirements.txt",
                "data.json", "image.png", "notes.md", "a.log.tmp", "script.py")) {
            assertFalse(ArchiveReader.isArchiveName(Path.of(other)), other);
        }
        Path jl = TestArchives.write(dir.resolve("mixed/2015/09/28/iseif-rainforest-002506-2015-09-28-16.jl"), new byte[0]);
        Path log = TestArchives.write(dir.resolve("mixed/server.log"), new byte[0]);
        TestArchives.write(dir.resolve("mixed/README.txt"), new byte[0]);
        assertEquals(List.of(jl, log), ArchiveReader.archivesIn(List.of(dir.resolve("mixed"))));
    }

    @Test
    void aFolderWithoutLogsIsAProblemNamingWhatWasLookedFor(@TempDir Path dir) throws Exception {
        Path empty = java.nio.file.Files.createDirectories(dir.resolve("nothing-here"));
        TestArchives.write(empty.resolve("notes.md"), new byte[0]);
        assertEquals(List.of(), ArchiveReader.archivesIn(List.of(empty)));
        assertFalse(ArchiveReader.hasLogFiles(empty));
        TestArchives.write(empty.resolve(".hidden/app.log"), new byte[0]);
        assertFalse(ArchiveReader.hasLogFiles(empty), "hidden folders are not searched");
        TestArchives.write(empty.resolve("deep/er/app.log"), new byte[0]);
        assertTrue(ArchiveReader.hasLogFiles(empty));
        Problem p = ArchiveReader.noLogFilesIn(dir.resolve("nothing-here"));
        assertEquals(Problem.Kind.NO_LOG_FILES, p.kind());
        assertTrue(p.toString().startsWith(dir.resolve("nothing-here") + ": no archives or log files in this folder or its subfolders (looked for .tsv.gz, .tsv, .jl"),
                p.toString());
    }

    @Test
    void aMissingPathIsReadAsAnUnreadableFileAndTheOthersStillAre(@TempDir Path dir) throws Exception {
        Path good = TestArchives.tsv(dir.resolve("2016-08-12-04.tsv"), List.of(TestArchives.row(1, "hello")));
        Path missing = dir.resolve("2016-08-12-03.tsv.gz");
        RecordingHandler h = new RecordingHandler();
        List<ArchiveSummary> summaries = new ArchiveReader().read(ArchiveReader.archivesIn(List.of(missing, good)), h,
                ReadProgress.NONE);
        assertEquals(List.of("start 2016-08-12-03.tsv.gz", "problem UNREADABLE_FILE 2016-08-12-03.tsv.gz:0",
                "end 2016-08-12-03.tsv.gz", "start 2016-08-12-04.tsv", "row 2016-08-12-04.tsv:1",
                "end 2016-08-12-04.tsv"), h.events);
        assertEquals(true, h.problems.getFirst().detail().contains(missing.toString()), h.problems.toString());
        assertEquals(false, summaries.get(0).complete());
        assertEquals(true, summaries.get(1).complete());
    }
}
