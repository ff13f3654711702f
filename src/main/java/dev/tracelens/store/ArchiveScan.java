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

    /** The real engine, keeping {@code contextRows} rows of context per traceback. */
    static ArchiveScan engine(int contextRows) {
        return engine(contextRows, ReaderOptions.defaults());
    }

    /** The real engine, reading the files as {@code reading} says (input format, field mapping). */
    static ArchiveScan engine(int contextRows, ReaderOptions reading) {
        TracebackScanner scanner = new TracebackScanner(contextRows, reading);
        return scanner::scan;
    }

    /** The real engine, rebuilding traces as {@code tracing} says (languages, in-app prefixes). */
    static ArchiveScan engine(int contextRows, ReaderOptions reading, dev.tracelens.traceback.TraceOptions tracing) {
        TracebackScanner scanner = new TracebackScanner(contextRows, reading, tracing);
        return scanner::scan;
    }
}
