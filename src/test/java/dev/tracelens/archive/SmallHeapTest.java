package dev.tracelens.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Memory stays bounded: a child JVM with {@code -Xmx256m} reads files holding 20 MB lines (JSON
 * lines, plain text, Papertrail TSV) and keeps every row. The 2 GB case is {@link TwoGigabyteFileTest}
 * (a 2 GiB log that takes a few MB on disk; docs/PERFORMANCE.md).
 */
class SmallHeapTest {
    @TempDir
    Path dir;

    @Test
    void twentyMegabyteLinesInEveryFormatUnderA256MegabyteHeap() throws Exception {
        String big = "y".repeat(20 << 20);
        Path jsonl = write("big.jl.gz", "{\"time\":\"2024-01-05T12:00:00Z\",\"msg\":\"before\"}\n"
                + "{\"time\":\"2024-01-05T12:00:01Z\",\"msg\":\"" + big + "\"}\n"
                + "{\"time\":\"2024-01-05T12:00:02Z\",\"msg\":\"after\"}\n");
        Path text = write("big.log.gz", "2024-01-05 12:00:00,000 before\n2024-01-05 12:00:01,000 " + big
                + "\n2024-01-05 12:00:02,000 after\n");
        Path tsv = write("big.tsv.gz", TestArchives.row(1, "before") + "\n" + TestArchives.row(2, big) + "\n"
                + TestArchives.row(3, "after") + "\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ReadInSmallHeap.class.getName()));
        for (Path p : List.of(jsonl, text, tsv)) {
            command.add(p.toString());
        }
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child did not finish");
        assertEquals(0, child.exitValue(), output);
        assertEquals(List.of(
                "big.jl.gz: 3 rows, first before, last after, longest 16777216 bytes; problems [ROW_TOO_LONG 2, BAD_JSON 2]",
                "big.log.gz: 3 rows, first before, last after, longest 16777192 bytes; problems [ROW_TOO_LONG 2]",
                "big.tsv.gz: 3 rows, first before, last after, longest " + (16777216 - TestArchives.row(2, "").length())
                        + " bytes; problems [ROW_TOO_LONG 2]"), output.lines().toList());
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** The child: reads each file, decodes every message, prints what it got. */
    public static final class ReadInSmallHeap {
        public static void main(String[] args) {
            for (String arg : args) {
                List<String> problems = new ArrayList<>();
                String[] firstLast = new String[2];
                long[] stats = new long[2];
                new ArchiveReader().read(List.of(Path.of(arg)), new RowHandler() {
                    @Override
                    public void onRow(RowView row) {
                        String m = row.message();
                        LogLine kept = row.toLogLine();
                        if (firstLast[0] == null) {
                            firstLast[0] = m;
                        }
                        firstLast[1] = kept.message().length() > 20 ? "long" : m;
                        stats[0]++;
                        stats[1] = Math.max(stats[1], row.messageLength());
                    }

                    @Override
                    public void onProblem(Problem problem) {
                        problems.add(problem.kind() + " " + problem.row());
                    }
                }, ReadProgress.NONE);
                System.out.println(Path.of(arg).getFileName() + ": " + stats[0] + " rows, first " + firstLast[0]
                        + ", last " + firstLast[1] + ", longest " + stats[1] + " bytes; problems " + problems);
            }
        }
    }
}
