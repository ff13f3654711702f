package dev.tracelens.store;

import dev.tracelens.archive.ArchiveReader;
import dev.tracelens.archive.ReadProgress;
import dev.tracelens.traceback.TracebackScanner;

import java.io.IOException;
import java.util.List;

/** Whether the real archive reader and assembler are on the class path (they land separately). */
public final class EngineCheck {
    private EngineCheck() {
    }

    public static boolean engineAvailable() {
        try {
            ArchiveReader.archivesIn(List.of());
            new TracebackScanner(0).scan(List.of(), t -> { }, ReadProgress.NONE);
            return true;
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }
}
