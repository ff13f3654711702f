package dev.tracelens.ui.imports;

import dev.tracelens.archive.Problem;
import dev.tracelens.engine.GroupQuery;
import dev.tracelens.engine.StoreLibrary;
import dev.tracelens.ui.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportQueueTest {
    @TempDir
    Path tmp;
    StoreLibrary library;

    @BeforeEach
    void open() {
        library = StoreLibrary.open(tmp.resolve("store"));
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void badRowsAndFilesBecomeProblemsWithFileAndRowAndTheOtherFilesAreImported() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("sample-logs/2026-11-20-03.tsv.gz"), dir.resolve("2026-11-20-03.tsv.gz"));
        Files.writeString(dir.resolve("2026-11-20-04.tsv"),
                "1\t2026-11-20T04:00:00\t2026-11-20T04:00:00\t1\ti-1\t10.0.0.1\tUser\tNotice\tapp\tok\n"
                        + "not a row at all\n"
                        + "x2\t2026-11-20T04:00:01\t2026-11-20T04:00:01\t1\ti-1\t10.0.0.1\tUser\tNotice\tapp\tbad id\n");
        Files.write(dir.resolve("2026-11-20-05.tsv.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        AtomicInteger commits = new AtomicInteger();
        ImportQueue queue = new ImportQueue(library, new CurrentThreadTaskExecutor(), () -> 5, commits::incrementAndGet);

        ImportJob job = queue.enqueue(List.of(dir));

        assertEquals(ImportJob.State.DONE, job.stateProperty().get(), job.detailsProperty().get());
        assertTrue(job.detailsProperty().get().startsWith("Imported"), job.detailsProperty().get());
        List<Problem> problems = queue.problems();
        assertTrue(problems.stream().anyMatch(p -> p.archive().equals("2026-11-20-04.tsv") && p.row() == 2),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.archive().equals("2026-11-20-04.tsv") && p.row() == 3),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.archive().equals("2026-11-20-05.tsv.gz")), problems.toString());
        assertEquals(problems.size(), queue.problemCountProperty().get());
        assertFalse(library.groups(GroupQuery.ALL, 10).isEmpty(), "the good archive was imported");
        assertTrue(commits.get() >= 1);
        assertEquals(null, queue.currentProperty().get());
    }

    @Test
    void jobsQueueUpAndRunInOrder() {
        ImportQueue queue = new ImportQueue(library, new CurrentThreadTaskExecutor(), () -> 5, () -> { });
        ImportJob a = queue.enqueue(List.of(Path.of("sample-logs/2026-11-20-03.tsv.gz")));
        ImportJob b = queue.enqueue(List.of(Path.of("sample-logs/2026-11-20-03.tsv.gz")));
        assertEquals(ImportJob.State.DONE, a.stateProperty().get());
        assertEquals(ImportJob.State.DONE, b.stateProperty().get());
        assertTrue(b.detailsProperty().get().contains("1 unchanged archive skipped"), b.detailsProperty().get());
        assertEquals(List.of(a, b), queue.jobs());
    }
}
