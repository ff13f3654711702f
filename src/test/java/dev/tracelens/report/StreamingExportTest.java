package dev.tracelens.report;

import dev.tracelens.store.HistoryBucket;

import dev.tracelens.traceback.ContextLine;
import dev.tracelens.traceback.Frame;
import dev.tracelens.traceback.LineKinds;
import dev.tracelens.traceback.Traceback;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 groups, made one at a time by an iterator (the way the store adapter pages), must
 * reach the output while the export runs; and an export of far more group data than the heap
 * holds must run in a child JVM with a small heap, which it can only if a group is garbage once
 * written.
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
                t, List.of(t), new ReportHistory(Duration.ofHours(1), List.of(new HistoryBucket(at.truncatedTo(java.time.temporal.ChronoUnit.HOURS), i + 1L))));
    }

    /** 10,000 groups, each made only when the writer asks for the next, counting what is out at half way. */
    static final class Groups implements Iterator<ReportGroup> {
        private final CountingStream out;
        private final int count;
        private final int padding;
        int next;
        long bytesAtHalf;

        Groups(CountingStream out, int count, int padding) {
            this.out = out;
            this.count = count;
            this.padding = padding;
        }

        @Override
        public boolean hasNext() {
            return next < count;
        }

        @Override
        public ReportGroup next() {
            if (next >= count) {
                throw new NoSuchElementException();
            }
            if (next == count / 2) {
                bytesAtHalf = out.count;
            }
            ReportGroup g = group(next++);
            return padding == 0 ? g : padded(g, padding);
        }
    }

    /** The group with a message of {@code chars} more characters (a big group, as a long log line makes). */
    static ReportGroup padded(ReportGroup g, int chars) {
        Traceback t = g.representative();
        String message = t.message() + " " + "x".repeat(chars);
        Traceback big = new Traceback(t.id(), t.firstId(), t.ordinal(), t.timestamp(), t.host(), t.program(), t.language(),
                t.exceptionType(), message, t.frames(), t.causes(), t.text() + " " + "y".repeat(chars), t.lineKinds(),
                t.context(), t.fingerprint(), t.fingerprintParts(), t.truncated(), t.archive(), t.row());
        return new ReportGroup(g.fingerprint(), g.exceptionType(), message, g.count(), g.firstSeen(), g.lastSeen(),
                g.hosts(), g.programs(), big, List.of(big), g.history());
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void groupsReachTheOutputAsTheyAreWritten(ReportFormat format) throws Exception {
        CountingStream out = new CountingStream();
        Groups groups = new Groups(out, GROUPS, 0);
        ReportExporter exporter = new ReportExporter(Clock.fixed(ReportFixtures.MADE, ZoneOffset.UTC));
        ReportHeader header = exporter.header("Streaming", "", null, null, ReportHistory.EMPTY);
        long n = exporter.export(header, groups, format.open(out, CsvReportWriter.By.OCCURRENCE, spool));

        assertEquals(GROUPS, n);
        // Far more than any buffer: the first half of the report was on its way before the second half existed.
        assertTrue(groups.bytesAtHalf > 500_000, format + ": only " + groups.bytesAtHalf + " bytes out after " + HALF + " groups");
        assertTrue(out.count > groups.bytesAtHalf);
    }

    /** Groups in the child JVM, and the characters each carries beyond the small fixture: ~240 MB of text in all. */
    static final int BIG_GROUPS = 2_000;
    static final int BIG_PADDING = 60_000;
    static final String CHILD_HEAP = "-Xmx48m";

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void anExportOfFarMoreThanTheHeapRunsInASmallHeap(ReportFormat format) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, CHILD_HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), StreamingExportTest.class.getName() + "$Child", format.name(),
                spool.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = child.waitFor();
        assertEquals(0, exit, format + " in " + CHILD_HEAP + ": " + output);
        long bytes = Long.parseLong(output.strip().lines().reduce((a, b) -> b).orElseThrow());
        assertTrue(bytes > 48L * 1024 * 1024, format + ": the report (" + bytes + " bytes) is bigger than the heap");
        // The groups that went through it hold 4 times the heap: keeping them would run out of it.
        assertTrue((long) BIG_GROUPS * 2 * BIG_PADDING > 4L * 48 * 1024 * 1024);
    }

    /** The child JVM: exports {@link #BIG_GROUPS} big groups and prints the bytes written. */
    static final class Child {
        public static void main(String[] args) throws Exception {
            ReportFormat format = ReportFormat.valueOf(args[0]);
            CountingStream out = new CountingStream();
            ReportExporter exporter = new ReportExporter(Clock.fixed(ReportFixtures.MADE, ZoneOffset.UTC));
            ReportHeader header = exporter.header("Streaming", "", null, null, ReportHistory.EMPTY);
            long n = exporter.export(header, new Groups(out, BIG_GROUPS, BIG_PADDING),
                    format.open(out, CsvReportWriter.By.OCCURRENCE, Path.of(args[1])));
            if (n != BIG_GROUPS) {
                throw new AssertionError(n + " groups written");
            }
            System.out.println(out.count);
        }
    }
}
