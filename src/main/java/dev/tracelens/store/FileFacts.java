package dev.tracelens.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import knows of an archive file before scanning it, and which registered archives a run
 * of new ones needs as warm-up: one rule for every backend (the embedded store and the team
 * index), since the crash safety of provisional tracebacks rests on it.
 */
public record FileFacts(Path path, String name, long size, long lastModified, String checksum) {

    /**
     * Name, size and mtime of the file; the SHA-256 only when the quick check (same size and mtime
     * as registered) does not already prove it unchanged, because hashing reads the whole file.
     */
    public static FileFacts of(Path file, ArchiveRecord old) {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            long mtime = Files.getLastModifiedTime(file).toMillis();
            if (old != null && old.complete() && old.sizeBytes() == size && old.lastModified() == mtime) {
                return new FileFacts(file, name, size, mtime, old.checksum());
            }
            return new FileFacts(file, name, size, mtime, ArchiveFiles.sha256(file));
        } catch (IOException e) {
            // The engine reports the unreadable file as a problem; it is registered as incomplete.
            return new FileFacts(file, name, -1, 0, "");
        }
    }

    /**
     * The registered archives to read again in front of a run starting with {@code first}: the
     * archive registered just before it, and back to the earliest archive whose tracebacks were
     * still open at that one's end. Files are taken from this import's list when named there,
     * else from where the registry says they were read; one that is gone is left out (the
     * tracebacks whose header it holds then stay in their provisional version).
     */
    public static List<FileFacts> warmUp(Map<String, ArchiveRecord> known, List<FileFacts> listed, String first) {
        ArchiveRecord previous = null;
        for (ArchiveRecord r : known.values()) {
            if (r.name().compareTo(first) < 0 && r.complete()) {
                previous = r;
            }
        }
        if (previous == null) {
            return List.of();
        }
        String from = previous.pendingFrom() != null && previous.pendingFrom().compareTo(previous.name()) < 0
                ? previous.pendingFrom() : previous.name();
        Map<String, FileFacts> byName = new HashMap<>();
        for (FileFacts f : listed) {
            byName.put(f.name(), f);
        }
        List<FileFacts> out = new ArrayList<>();
        for (ArchiveRecord r : known.values()) {
            if (r.name().compareTo(from) < 0 || r.name().compareTo(previous.name()) > 0) {
                continue;
            }
            FileFacts f = byName.get(r.name());
            if (f == null && r.path() != null && Files.isRegularFile(Path.of(r.path()))) {
                f = new FileFacts(Path.of(r.path()), r.name(), r.sizeBytes(), r.lastModified(), r.checksum());
            }
            if (f != null && f.size() >= 0) {
                out.add(f);
            }
        }
        return out;
    }
}
