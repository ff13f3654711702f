package dev.tracelens.store;

import dev.tracelens.archive.ArchiveSummary;
import dev.tracelens.archive.ReadProgress;
import dev.tracelens.traceback.ScanListener;
import dev.tracelens.traceback.ScanSummary;
import dev.tracelens.traceback.Traceback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Plays the engine's part of the contract with tracebacks built by hand, so that the importer's
 * bookkeeping can be tested before (and independently of) the real reader and assembler: per
 * archive file name, what is emitted while reading it, and what is still open at its end (given
 * to {@code onArchiveEnd} as provisional copies, and flushed as truncated when a scan ends with
 * it). As in the engine, a traceback whose header archive is not part of the scan is not emitted.
 */
public final class ScriptedScan implements ArchiveScan {
    final Map<String, List<Traceback>> during = new HashMap<>();
    final Map<String, List<Traceback>> openAtEnd = new HashMap<>();
    final List<List<String>> scans = new ArrayList<>();
    /** Throws when about to emit a traceback matching it (a crash in the middle of an archive). */
    Predicate<Traceback> failBefore = t -> false;

    public ScriptedScan emit(String archive, Traceback... tracebacks) {
        during.computeIfAbsent(archive, a -> new ArrayList<>()).addAll(List.of(tracebacks));
        return this;
    }

    public ScriptedScan openAtEnd(String archive, Traceback... tracebacks) {
        openAtEnd.computeIfAbsent(archive, a -> new ArrayList<>()).addAll(List.of(tracebacks));
        return this;
    }

    private List<Traceback> stillOpen(String archive, List<String> scanned) {
        return openAtEnd.getOrDefault(archive, List.of()).stream().filter(t -> readIn(t, scanned)).toList();
    }

    /** Whether the header row's archive was read (tracebacks naming an archive not in the script always are). */
    private boolean readIn(Traceback t, List<String> scanned) {
        boolean scripted = during.containsKey(t.archive()) || openAtEnd.containsKey(t.archive());
        return !scripted || scanned.contains(t.archive());
    }

    @Override
    public ScanSummary scan(List<Path> archives, ScanListener listener, ReadProgress progress) {
        List<String> names = archives.stream().map(p -> p.getFileName().toString()).toList();
        scans.add(names);
        List<ArchiveSummary> summaries = new ArrayList<>();
        long count = 0;
        for (Path p : archives) {
            String name = p.getFileName().toString();
            long size;
            try {
                size = Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            listener.onArchiveStart(name, size);
            for (Traceback t : during.getOrDefault(name, List.of())) {
                if (!readIn(t, names)) {
                    continue; // its header row was not read in this scan, so the engine cannot rebuild it
                }
                if (failBefore.test(t)) {
                    throw new IllegalStateException("crash before " + t.firstId());
                }
                listener.onTraceback(t);
                count++;
            }
            ArchiveSummary s = new ArchiveSummary(name, 100, 1, size, size * 10, true);
            summaries.add(s);
            listener.onArchiveEnd(s, () -> stillOpen(name, names));
        }
        for (Traceback t : stillOpen(names.getLast(), names)) {
            listener.onTraceback(t);
            count++;
        }
        return new ScanSummary(summaries, count);
    }
}
