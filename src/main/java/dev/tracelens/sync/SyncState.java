package dev.tracelens.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the cache holds: per S3 key, the ETag and size it was synced at, or why it failed.
 *
 * <p>Only a verified, renamed file is ever recorded as synced, and the state file itself is
 * replaced atomically, so a kill at any moment leaves an older or the newer state, never a file
 * counted as synced that is not complete. Writes are batched (at most one per second, plus
 * {@link #flush()} at the end of a run): rewriting a year of hourly entries after each of 8,760
 * downloads would write gigabytes. An entry lost to a kill costs no download: the file under its
 * final name is complete by construction and is verified and adopted by the next run.
 * Thread-safe: download threads record their results concurrently.
 */
public final class SyncState {
    static final String FILE_NAME = "sync-state.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Whether an entry is done or given up on: {@code UNREADABLE} was downloaded whole but could not
     * be read (a binary, damaged gzip): it is not downloaded or imported again until it changes.
     */
    public enum Status { SYNCED, FAILED, UNREADABLE }

    /**
     * One key's state.
     *
     * @param day    the dt= folder it was listed under (needed to find its cache file again)
     * @param etag   the ETag synced (or attempted)
     * @param size   the size synced (or attempted)
     * @param status synced or failed
     * @param reason why it failed (null when synced)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String day, String etag, long size, Status status, String reason) {
        LocalDate localDay() {
            return LocalDate.parse(day);
        }
    }

    private static final long SAVE_INTERVAL_NANOS = 1_000_000_000L;

    private final Path file;
    private final TreeMap<String, Entry> entries;
    private boolean dirty;
    private long lastSave = System.nanoTime() - SAVE_INTERVAL_NANOS;

    private SyncState(Path file, TreeMap<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Reads the state in {@code root}, or an empty one if there is none yet. */
    public static SyncState load(Path root) {
        Path file = root.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new SyncState(file, new TreeMap<>());
        }
        try {
            Map<String, Entry> read = JSON.readValue(file.toFile(), new TypeReference<Map<String, Entry>>() { });
            return new SyncState(file, new TreeMap<>(read));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sync state " + file + ": " + e.getMessage()
                    + " (delete it to re-sync from scratch)", e);
        }
    }

    public synchronized Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The keys in the failed list (failed downloads and unreadable archives) with their entries, in key order. */
    public synchronized Map<String, Entry> failed() {
        TreeMap<String, Entry> out = new TreeMap<>();
        entries.forEach((k, e) -> {
            if (e.status() == Status.FAILED || e.status() == Status.UNREADABLE) {
                out.put(k, e);
            }
        });
        return out;
    }

    public synchronized void markSynced(RemoteArchive a) {
        entries.put(a.key(), new Entry(a.day().toString(), a.etag(), a.size(), Status.SYNCED, null));
        changed();
    }

    public synchronized void markFailed(RemoteArchive a, String reason) {
        entries.put(a.key(), new Entry(a.day().toString(), a.etag(), a.size(), Status.FAILED, reason));
        changed();
    }

    /**
     * A synced archive that could not be read: it keeps the ETag and size it was synced at, so that
     * the next sync leaves it alone unless it changed. Written at once (it comes after the import).
     */
    public synchronized void markUnreadable(String key, String reason) {
        Entry e = entries.get(key);
        if (e == null) {
            return; // never synced: nothing to remember it by
        }
        entries.put(key, new Entry(e.day(), e.etag(), e.size(), Status.UNREADABLE, reason));
        dirty = true;
        save();
    }

    /** Forgets a key, e.g. a failed one that no longer exists in the bucket. */
    public synchronized void remove(String key) {
        if (entries.remove(key) != null) {
            changed();
        }
    }

    /** Writes pending changes now. */
    public synchronized void flush() {
        if (dirty) {
            save();
        }
    }

    private void changed() {
        dirty = true;
        if (System.nanoTime() - lastSave >= SAVE_INTERVAL_NANOS) {
            save();
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            JSON.writeValue(tmp.toFile(), entries);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            dirty = false;
            lastSave = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write sync state " + file + ": " + e.getMessage(), e);
        }
    }
}
