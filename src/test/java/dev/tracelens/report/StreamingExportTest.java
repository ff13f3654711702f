package dev.tracelens.report;

import dev.tracelens.traceback.ContextLine;
import dev.tracelens.traceback.Frame;
import dev.tracelens.traceback.LineKinds;
import dev.tracelens.traceback.Traceback;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 groups, made one at a time by an iterator (the way the store adapter pages), must
 * reach the output while the export runs, and a group must be garbage once written.
 */
class StreamingExportTest {
    static final int GROUPS = 10_000;
    static final int HALF = GROUPS / 2;

    @TempDir
    Path spool;

    /** Counts bytes and throws them away. */
    static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    static ReportGroup group(int i) {
        Instant at = Instant.parse("2026-11-20T00:00:00Z").plusSeconds(i * 7L);
        String fp = String.format("%016x", i * 2_654_435_761L);
        String text = "Traceback (most recent call last):\n  File \"/srv/app/app/job" + i + ".py\", line " + i
                + ", in run\n    step()\nRuntimeError: failure number " + i;
        Traceback t = new Traceback(1_000_000L + i, 1_000_000L + i, 0, at, "i-" + (i % 50), "app-worker", "python", "RuntimeError",
                "failure number " + i, List.of(new Frame("/srv/app/app/job" + i + ".py", i, "run", "step()")), List.of(),
                text, LineKinds.of("python", text), List.of(new ContextLine(999_999L + i, at.minusSeconds(1), "starting job " + i, true)), fp,
                List.of("type:RuntimeError"), false, "2026-11-20-00.tsv.gz", i + 1L);
        return new ReportGroup(fp, "RuntimeError", t.message(), i + 1L, at, at, List.of(t.host()), List.of("app-worker"),
                t, List.of(t), new ReportHistory(Duration.ofHours(1), List.of(new ReportBucket(at.truncatedTo(java.time.temporal.ChronoUnit.HOURS), i + 1L))));
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void groupsReachTheOutputAsTheyAreWrittenAndAreNotKept(ReportFormat format) throws Exception {
        CountingStream out = new CountingStream();
        List<WeakReference<ReportGroup>> written = new ArrayList<>();
        long[] bytesAtHalf = new long[1];
        boolean[] collected = new boolean[1];
        Iterator<ReportGroup> groups = new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < GROUPS;
            }

            @Override
            public ReportGroup next() {
                if (next >= GROUPS) {
                    throw new NoSuchElementException();
                }
                if (next == HALF) {
                    bytesAtHalf[0] = out.count;
                    collected[0] = allCollected(written);
                }
                ReportGroup g = group(next++);
                if (next % 500 == 0 && next < HALF) {
                    written.add(new WeakReference<>(g));
                }
                return g;
            }
        };
        ReportExporter exporter = new ReportExporter(Clock.fixed(ReportFixtures.MADE, ZoneOffset.UTC));
        ReportHeader header = exporter.header("Streaming", "", null, null, ReportHistory.EMPTY);
        long n = exporter.export(header, groups, format.open(out, CsvReportWriter.By.OCCURRENCE, spool));

        assertEquals(GROUPS, n);
        // Far more than any buffer: the first half of the report was on its way before the second half existed.
        assertTrue(bytesAtHalf[0] > 500_000, format + ": only " + bytesAtHalf[0] + " bytes out after " + HALF + " groups");
        assertTrue(out.count > bytesAtHalf[0]);
        assertTrue(collected[0], format + ": written groups are still referenced half way through the export");
    }

    /** Whether every tracked group has been garbage collected (a few full collections, as the JVM sees fit). */
    private static boolean allCollected(List<WeakReference<ReportGroup>> refs) {
        for (int attempt = 0; attempt < 5; attempt++) {
            System.gc();
            if (refs.stream().allMatch(r -> r.get() == null)) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
