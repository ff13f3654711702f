package dev.tracelens.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The real input that mutated inputs start from, loaded once: every row of the Papertrail archives
 * in {@code sample-logs/} (with the rows that hold a traceback header marked, so that windows
 * around tracebacks can be picked often), and as lists of lines the other samples there (JSON
 * lines, a plain Python log) and the shared corpus's traces and logs.
 */
final class FuzzSeeds {
    static final String PYTHON_HEADER = "Traceback (most recent call last):";

    private final List<byte[]> sampleRows;
    private final int[] headerRows;
    private final List<List<String>> texts;

    private FuzzSeeds(List<byte[]> sampleRows, int[] headerRows, List<List<String>> texts) {
        this.sampleRows = sampleRows;
        this.headerRows = headerRows;
        this.texts = texts;
    }

    /** Rows of the archives in {@code sampleLogs} and the text files under {@code corpus} (which may be missing). */
    static FuzzSeeds load(Path sampleLogs, Path corpus) {
        try {
            List<byte[]> rows = new ArrayList<>();
            List<List<String>> texts = new ArrayList<>();
            try (Stream<Path> files = Files.list(sampleLogs)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".gz")).sorted().toList()) {
                    if (f.getFileName().toString().endsWith(".tsv.gz")) {
                        rows.addAll(lines(gunzip(f)));
                    } else { // the JSON-lines and plain-text samples: mutated as lines of their own
                        texts.add(lines(gunzip(f)).stream().map(l -> new String(l, StandardCharsets.UTF_8)).toList());
                    }
                }
            }
            if (rows.isEmpty()) {
                throw new IllegalStateException("no seed rows in " + sampleLogs);
            }
            byte[] header = PYTHON_HEADER.getBytes(StandardCharsets.US_ASCII);
            List<Integer> headers = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (indexOf(rows.get(i), header) >= 0) {
                    headers.add(i);
                }
            }
            if (corpus != null && Files.isDirectory(corpus)) {
                try (Stream<Path> files = Files.walk(corpus)) {
                    for (Path f : files.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList()) {
                        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                                .filter(l -> !l.isEmpty()).toList();
                        if (!lines.isEmpty()) {
                            texts.add(lines);
                        }
                    }
                }
            }
            texts.addAll(SyntheticTraces.all());
            return new FuzzSeeds(List.copyOf(rows), headers.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(texts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of sample-logs, in file order, without their newline. */
    List<byte[]> sampleRows() {
        return sampleRows;
    }

    /** Indexes into {@link #sampleRows()} of the rows that hold a Python traceback header. */
    int[] headerRows() {
        return headerRows;
    }

    /** Corpus files and synthetic tracebacks, each as its lines. */
    List<List<String>> texts() {
        return texts;
    }

    private static byte[] gunzip(Path f) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            return in.readAllBytes();
        }
    }

    private static List<byte[]> lines(byte[] data) {
        List<byte[]> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                if (i > from) {
                    byte[] line = new byte[i - from];
                    System.arraycopy(data, from, line, 0, line.length);
                    out.add(line);
                }
                from = i + 1;
            }
        }
        return out;
    }

    static int indexOf(byte[] a, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= a.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (a[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
