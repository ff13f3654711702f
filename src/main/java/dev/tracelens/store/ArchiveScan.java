package dev.tracelens.store;

import dev.tracelens.archive.ReadProgress;
import dev.tracelens.archive.ReaderOptions;
import dev.tracelens.traceback.ScanListener;
import dev.tracelens.traceback.ScanSummary;
import dev.tracelens.traceback.TracebackScanner;

import java.nio.file.Path;
import java.util.List;

/**
 * One pass of the engine over archive files: {@link TracebackScanner#scan} in production. The
 * importer only depends on this shape so that its bookkeeping can be exercised with tracebacks
 * built by hand.
 */
@FunctionalInterface
public interface ArchiveScan {
    ScanSummary scan(List<Path> archives, ScanListener listener, ReadProgress progress);

    /** How this scan reads files ({@link ReaderOptions#readingLabel()}; empty for the defaults). */
    default String reading() {
        return "";
    }

    /** The real engine, keeping {@code contextRows} rows of context per traceback. */
    static ArchiveScan engine(int contextRows) {
        return engine(contextRows, ReaderOptions.defaults());
    }

    /** The real engine, reading the files as {@code reading} says (input format, field mapping). */
    static ArchiveScan engine(int contextRows, ReaderOptions reading) {
        return of(new TracebackScanner(contextRows, reading), reading);
    }

    /** The real engine, rebuilding traces as {@code tracing} says (languages, in-app prefixes). */
    static ArchiveScan engine(int contextRows, ReaderOptions reading, dev.tracelens.traceback.TraceOptions tracing) {
        return of(new TracebackScanner(contextRows, reading, tracing), reading);
    }

    private static ArchiveScan of(TracebackScanner scanner, ReaderOptions reading) {
        String label = reading.readingLabel();
        return new ArchiveScan() {
            @Override
            public ScanSummary scan(List<Path> archives, ScanListener listener, ReadProgress progress) {
                return scanner.scan(archives, listener, progress);
            }

            @Override
            public String reading() {
                return label;
            }
        };
    }
}
