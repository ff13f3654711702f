package dev.tracelens.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tracelens.common.AtomicFile;
import dev.tracelens.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The triage decisions in {@value #FILE_NAME} in the store folder, a JSON list written whole with
 * {@link AtomicFile} on every change: after a crash it holds the last decision or the one
 * before, never half of one. Another process (the CLI beside the app) may change it: the file
 * is read again whenever its modification time moved.
 */
public final class FileTriageBook implements TriageBook {
    public static final String FILE_NAME = "triage.json";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private Map<String, Triage> cache = Map.of();
    private FileTime readAt;

    public FileTriageBook(Path storeDir) {
        this.file = storeDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Map<String, Triage> all() {
        FileTime now;
        try {
            now = Files.getLastModifiedTime(file);
        } catch (NoSuchFileException e) {
            cache = Map.of();
            readAt = null;
            return cache;
        } catch (IOException e) {
            return cache;
        }
        if (!now.equals(readAt)) {
            try {
                List<Triage> list = JSON.readValue(file.toFile(), new TypeReference<List<Triage>>() { });
                Map<String, Triage> map = new LinkedHashMap<>();
                for (Triage t : list) {
                    map.put(t.fingerprint(), t);
                }
                cache = Map.copyOf(map);
                readAt = now;
            } catch (IOException | RuntimeException e) {
                throw new StoreException("The triage file " + file + " cannot be read (" + e.getMessage()
                        + "); move it away to start over", e);
            }
        }
        return cache;
    }

    @Override
    public synchronized void set(Triage triage) {
        Map<String, Triage> map = new LinkedHashMap<>(all());
        if (triage.status() == Triage.Status.OPEN) {
            map.remove(triage.fingerprint());
        } else {
            map.put(triage.fingerprint(), triage);
        }
        List<Triage> list = new ArrayList<>(map.values());
        list.sort(Comparator.comparing(Triage::fingerprint));
        try {
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, out -> JSON.writeValue(out, list));
        } catch (IOException e) {
            throw new StoreException("The triage file " + file + " cannot be written: " + e.getMessage(), e);
        }
        cache = Map.copyOf(map);
        try {
            readAt = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            readAt = null;
        }
    }
}
