package dev.tracelens.archive;

import dev.tracelens.traceback.ScanListener;
import dev.tracelens.traceback.ScanSummary;
import dev.tracelens.traceback.Traceback;
import dev.tracelens.traceback.TracebackScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16's memory clause for a whole file: a child JVM with {@code -Xmx256m} scans a JSON-lines
 * log of 2 GiB (decompressed) to the end, tracebacks and all. Nothing of that size is written to
 * disk: the file is one gzip member of 1 MiB of records, repeated 2,048 times (gzip allows any
 * number of members, and the reader reads them all), so it takes a few MB in the temporary folder
 * while the reader, the JSON parser and the assembler see 2 GiB of rows.
 */
class TwoGigabyteFileTest {
    private static final int MEMBER_BYTES = 1 << 20;
    private static final int MEMBERS = 2048;

    @TempDir
    Path dir;

    @Test
    void aTwoGigabyteJsonLinesLogIsScannedToTheEndUnderA256MegabyteHeap() throws Exception {
        byte[] records = records();
        int linesPerMember = (int) new String(records, StandardCharsets.UTF_8).lines().count();
        byte[] member = gzipMember(records);
        Path file = dir.resolve("huge.jl.gz");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int i = 0; i < MEMBERS; i++) {
                out.write(member);
            }
        }
        assertTrue(Files.size(file) < 64L << 20, "a small file on disk: " + Files.size(file));

        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ScanInSmallHeap.class.getName(), file.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(600, TimeUnit.SECONDS), "the child did not finish");
        assertEquals(0, child.exitValue(), output);
        long rows = (long) linesPerMember * MEMBERS;
        String text = new String(records, StandardCharsets.UTF_8);
        long tracebacks = (long) (text.split("\"exc_info\"", -1).length - 1) * MEMBERS;
        assertEquals("rows " + rows + ", decoded " + (long) records.length * MEMBERS + " bytes, complete true, tracebacks "
                + tracebacks + ", problems 0", output.strip());
    }

    /**
     * About 1 MiB of python-json-logger records; every 100th carries a traceback in exc_info. They
     * repeat every 100 records (about 11 KB, inside deflate's 32 KB window), so the member is small.
     */
    private static byte[] records() {
        StringBuilder s = new StringBuilder(MEMBER_BYTES + 4096);
        int i = 0;
        while (s.length() < MEMBER_BYTES - 1024) {
            s.append("{\"asctime\": \"2024-01-05 12:").append(String.format("%02d:%02d", (i % 100) / 60, i % 100 % 60))
                    .append(",123\", \"levelname\": \"INFO\", \"name\": \"worker").append(i % 4)
                    .append("\", \"process\": ").append(1000 + i % 4).append(", \"message\": \"");
            if (i % 100 == 99) {
                s.append("job ").append(i % 100).append(" failed\", \"exc_info\": \"Traceback (most recent call last):\\n"
                        + "  File \\\"/srv/jobs.py\\\", line 12, in run\\n    step(job)\\n"
                        + "  File \\\"/srv/jobs.py\\\", line 30, in step\\n    raise ValueError(job)\\n"
                        + "ValueError: job ").append(i % 100).append("\"}\n");
            } else {
                s.append("job ").append(i % 100).append(" done in ").append(i % 100 * 3).append(" ms\"}\n");
            }
            i++;
        }
        // Whole hundreds, so that every member holds the same number of tracebacks.
        while (i % 100 != 0) {
            s.append("{\"asctime\": \"2024-01-05 13:00:00,000\", \"name\": \"pad\", \"message\": \"pad\"}\n");
            i++;
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzipMember(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    /** The child: scans the file with the real engine, counts what it got. */
    public static final class ScanInSmallHeap {
        public static void main(String[] args) {
            long[] tracebacks = new long[1];
            long[] problems = new long[1];
            ScanSummary summary = new TracebackScanner(50).scan(List.of(Path.of(args[0])), new ScanListener() {
                @Override
                public void onTraceback(Traceback traceback) {
                    tracebacks[0]++;
                }

                @Override
                public void onProblem(Problem problem) {
                    if (problems[0]++ < 5) {
                        System.out.println(problem);
                    }
                }
            }, ReadProgress.NONE);
            ArchiveSummary a = summary.archives().getFirst();
            System.out.println("rows " + a.rows() + ", decoded " + a.decodedBytes() + " bytes, complete " + a.complete()
                    + ", tracebacks " + tracebacks[0] + ", problems " + problems[0]);
        }
    }
}
