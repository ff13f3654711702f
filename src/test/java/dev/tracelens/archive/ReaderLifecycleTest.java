package dev.tracelens.archive;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dev.tracelens.archive.TestArchives.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Threads, cancellation, handler failures and progress: the reader never leaves a thread behind. */
class ReaderLifecycleTest {
    @TempDir
    Path dir;

    @AfterEach
    void noHelperThreadIsLeft() throws InterruptedException {
        Thread.interrupted(); // a cancellation test leaves the test thread interrupted, on purpose
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!helperThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of(), helperThreads());
    }

    static List<String> helperThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("tracelens-inflate")).toList();
    }

    private Path bigArchive(String name, int rows) {
        List<String> lines = new ArrayList<>(rows);
        for (int i = 1; i <= rows; i++) {
            lines.add(row(i, "2016-08-12T03:18:39", "host-" + i % 7, "app", "some message number " + i + " with words"));
        }
        return TestArchives.tsvGz(dir.resolve(name), lines);
    }

    @Test
    void anInterruptStopsTheReadPromptly() {
        Path first = bigArchive("a.tsv.gz", 100_000);
        Path second = bigArchive("b.tsv.gz", 1000);
        List<Long> rowsAfterInterrupt = new ArrayList<>();
        List<String> archives = new ArrayList<>();
        int chunk = 4096;
        ArchiveReader reader = new ArchiveReader(ReaderOptions.defaults().withChunkBytes(chunk));
        RowHandler handler = new RowHandler() {
            long seen;

            @Override
            public void onRow(RowView row) {
                archives.add(row.archive());
                if (++seen == 10_000) {
                    Thread.currentThread().interrupt();
                } else if (seen > 10_000) {
                    rowsAfterInterrupt.add(row.id());
                }
            }
        };
        assertThrows(CancellationException.class, () -> reader.read(List.of(first, second), handler, ReadProgress.NONE));
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status is kept");
        assertTrue(rowsAfterInterrupt.size() < chunk / 50, "at most the rest of one chunk: " + rowsAfterInterrupt.size());
        assertTrue(archives.stream().allMatch("a.tsv.gz"::equals), "the next file is not started");
    }

    @Test
    void anInterruptFromAnotherThreadWhileTheHandlerIsSlowCancels() throws Exception {
        Path file = bigArchive("slow.tsv.gz", 50_000);
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                new ArchiveReader().read(List.of(file), row -> {
                    started.countDown();
                    busyWait();
                }, ReadProgress.NONE);
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        reader.interrupt();
        Throwable thrown = outcome.get(5, TimeUnit.SECONDS);
        assertTrue(thrown instanceof CancellationException, String.valueOf(thrown));
        reader.join(5000);
    }

    private static void busyWait() {
        long until = System.nanoTime() + 20_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aHandlerExceptionEndsTheReadAndStopsTheHelperThread() {
        Path file = bigArchive("c.tsv.gz", 50_000);
        IllegalStateException boom = new IllegalStateException("handler bug");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () ->
                new ArchiveReader(ReaderOptions.defaults().withChunkBytes(8192)).read(List.of(file), row -> {
                    if (row.id() == 20) {
                        throw boom;
                    }
                }, ReadProgress.NONE));
        assertSame(boom, thrown);
    }

    @Test
    void theSameReaderCanReadAgainAfterAFailure() {
        Path file = bigArchive("d.tsv.gz", 20_000);
        ArchiveReader reader = new ArchiveReader(ReaderOptions.defaults().withChunkBytes(4096));
        assertThrows(IllegalStateException.class, () -> reader.read(List.of(file), row -> {
            throw new IllegalStateException();
        }, ReadProgress.NONE));
        AtomicLong rows = new AtomicLong();
        AtomicLong idSum = new AtomicLong();
        reader.read(List.of(file), row -> {
            rows.incrementAndGet();
            idSum.addAndGet(row.id());
        }, ReadProgress.NONE);
        assertEquals(20_000, rows.get());
        assertEquals(20_000L * 20_001 / 2, idSum.get());
    }

    @Test
    void progressIsReportedNowAndThenNotPerRow() throws Exception {
        Path a = bigArchive("e.tsv.gz", 60_000);
        Path b = bigArchive("f.tsv.gz", 1000);
        record Update(String archive, long read, long size, long rows) {
        }
        List<Update> updates = new ArrayList<>();
        List<ArchiveSummary> summaries = new ArchiveReader(ReaderOptions.defaults().withChunkBytes(4096))
                .read(List.of(a, b), row -> busyWaitEvery(row.id()),
                        (archive, read, size, rows) -> updates.add(new Update(archive, read, size, rows)));
        assertTrue(updates.size() >= 4, updates.toString());
        assertTrue(updates.size() < 200, "not per row or per chunk: " + updates.size());
        Update lastOfA = updates.stream().filter(u -> u.archive().equals("e.tsv.gz")).toList().getLast();
        assertEquals(new Update("e.tsv.gz", java.nio.file.Files.size(a), java.nio.file.Files.size(a), 60_000), lastOfA);
        assertEquals(new Update("f.tsv.gz", java.nio.file.Files.size(b), java.nio.file.Files.size(b), 61_000), updates.getLast());
        assertTrue(updates.stream().anyMatch(u -> u.archive().equals("e.tsv.gz") && u.read() > 0 && u.read() < u.size()),
                "some update in the middle of the file: " + updates);
        assertEquals(60_000, summaries.getFirst().rows());
    }

    /** Makes the read take a few hundred milliseconds, so that time-based progress shows. */
    private static void busyWaitEvery(long id) {
        if (id % 100 == 0) {
            long until = System.nanoTime() + 500_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
    }
}
