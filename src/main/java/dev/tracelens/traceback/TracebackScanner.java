package dev.tracelens.traceback;

import dev.tracelens.archive.ArchiveReader;
import dev.tracelens.archive.ArchiveSummary;
import dev.tracelens.archive.Problem;
import dev.tracelens.archive.ReadProgress;
import dev.tracelens.archive.ReaderOptions;
import dev.tracelens.archive.RowHandler;
import dev.tracelens.archive.RowView;

import java.nio.file.Path;
import java.util.List;

/**
 * The engine's front door: reads archive files in order and rebuilds their tracebacks. One scan
 * is one pass; tracebacks that go on from one file into the next are joined, and those still open
 * at the end of the last file are emitted as truncated.
 */
public final class TracebackScanner {
    private final int contextRows;
    private final ReaderOptions reading;
    private final TraceOptions options;

    public TracebackScanner(int contextRows) {
        this(contextRows, ReaderOptions.defaults(), TraceOptions.DEFAULT);
    }

    /** @param reading how the reader reads the files (input format, JSON fields, text pattern) */
    public TracebackScanner(int contextRows, ReaderOptions reading) {
        this(contextRows, reading, TraceOptions.DEFAULT);
    }

    public TracebackScanner(int contextRows, TraceOptions options) {
        this(contextRows, ReaderOptions.defaults(), options);
    }

    /**
     * @param reading how the reader reads the files (input format, JSON fields, text pattern)
     * @param options which languages to look for, in-app prefixes, the memory budget
     */
    public TracebackScanner(int contextRows, ReaderOptions reading, TraceOptions options) {
        if (contextRows < 0) {
            throw new IllegalArgumentException("contextRows must be >= 0: " + contextRows);
        }
        this.contextRows = contextRows;
        this.reading = java.util.Objects.requireNonNull(reading, "reading");
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    /**
     * Scans the archive files (already expanded, in time order; see
     * {@link ArchiveReader#archivesIn}).
     *
     * @throws java.util.concurrent.CancellationException if the calling thread is interrupted
     */
    public ScanSummary scan(List<Path> archives, ScanListener listener, ReadProgress progress) {
        long[] tracebacks = {0};
        TracebackAssembler assembler = new TracebackAssembler(contextRows, options, t -> {
            tracebacks[0]++;
            listener.onTraceback(t);
        }, listener::onProblem);
        List<ArchiveSummary> summaries = new ArchiveReader(reading).read(archives, new RowHandler() {
            @Override
            public void onRow(RowView row) {
                assembler.onRow(row);
            }

            @Override
            public void onProblem(Problem problem) {
                listener.onProblem(problem);
            }

            @Override
            public void onArchiveStart(String archive, long sizeBytes) {
                listener.onArchiveStart(archive, sizeBytes);
            }

            @Override
            public void onArchiveEnd(ArchiveSummary summary) {
                listener.onArchiveEnd(summary, assembler::pending);
            }
        }, progress);
        assembler.finish();
        return new ScanSummary(summaries, tracebacks[0]);
    }
}
