package dev.tracelens.fuzz;

import dev.tracelens.archive.InputFormat;
import dev.tracelens.archive.ReaderOptions;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Puts an input's files on disk for the reader (the same few names, overwritten input after
 * input), and saves or loads an input as a folder: its files plus {@code input.properties}
 * (reader options, context rows, the paths in order), so a failure can be replayed as a test.
 */
final class InputFiles {
    private final Path dir;

    InputFiles(Path work) {
        try {
            this.dir = Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Path> write(FuzzInput input) {
        List<Path> paths = new ArrayList<>(input.files().size());
        try {
            for (FuzzInput.FuzzFile f : input.files()) {
                Path p = dir.resolve(f.name());
                switch (f.kind()) {
                    case FILE -> Files.write(p, f.bytes());
                    case MISSING -> Files.deleteIfExists(p);
                    case FOLDER -> Files.createDirectories(p);
                }
                paths.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }

    static void saveTo(Path folder, FuzzInput input) throws IOException {
        Properties p = new Properties();
        p.setProperty("seed", Long.toString(input.seed()));
        p.setProperty("index", Long.toString(input.index()));
        p.setProperty("maxRowBytes", Integer.toString(input.options().maxRowBytes()));
        p.setProperty("chunkBytes", Integer.toString(input.options().chunkBytes()));
        p.setProperty("chunksInFlight", Integer.toString(input.options().chunksInFlight()));
        p.setProperty("contextRows", Integer.toString(input.contextRows()));
        p.setProperty("inputFormat", input.options().inputFormat().label());
        List<String> names = new ArrayList<>();
        for (FuzzInput.FuzzFile f : input.files()) {
            names.add(f.kind() + ":" + f.name());
            if (f.kind() == FuzzInput.Kind.FILE) {
                Files.write(folder.resolve(f.name()), f.bytes());
            }
        }
        p.setProperty("files", String.join(",", names));
        try (Writer w = Files.newBufferedWriter(folder.resolve("input.properties"), StandardCharsets.UTF_8)) {
            p.store(w, "a saved fuzz input: replay with FuzzRegressionTest");
        }
    }

    static FuzzInput load(Path folder) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(folder.resolve("input.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        ReaderOptions options = new ReaderOptions(Integer.parseInt(p.getProperty("maxRowBytes")),
                Integer.parseInt(p.getProperty("chunkBytes")), Integer.parseInt(p.getProperty("chunksInFlight")))
                .withInputFormat(InputFormat.parse(p.getProperty("inputFormat", "papertrail")));
        List<FuzzInput.FuzzFile> files = new ArrayList<>();
        for (String entry : p.getProperty("files").split(",")) {
            FuzzInput.Kind kind = FuzzInput.Kind.valueOf(entry.substring(0, entry.indexOf(':')));
            String name = entry.substring(entry.indexOf(':') + 1);
            byte[] bytes = kind == FuzzInput.Kind.FILE ? Files.readAllBytes(folder.resolve(name)) : new byte[0];
            files.add(new FuzzInput.FuzzFile(name, kind, bytes, null, "saved input"));
        }
        return new FuzzInput(Long.parseLong(p.getProperty("seed", "0")), Long.parseLong(p.getProperty("index", "0")),
                options, Integer.parseInt(p.getProperty("contextRows")), List.copyOf(files));
    }
}
