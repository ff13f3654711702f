package dev.tracelens.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Expands the files and folders a user names into the archive files to read, in time order. */
final class ArchiveListing {
    private static final Comparator<Path> BY_NAME_THEN_PATH = Comparator
            .comparing((Path p) -> p.getFileName() == null ? "" : p.getFileName().toString())
            .thenComparing(Path::toString);

    private ArchiveListing() {
    }

    static List<Path> archivesIn(List<Path> filesOrFolders) throws IOException {
        Set<Path> found = new LinkedHashSet<>();
        for (Path given : filesOrFolders) {
            if (Files.isDirectory(given)) {
                try (Stream<Path> walk = Files.walk(given)) {
                    walk.filter(p -> !p.equals(given) && !isHiddenBelow(given, p) && isArchiveName(p)
                                    && Files.isRegularFile(p))
                            .forEach(found::add);
                } catch (UncheckedIOException e) {
                    throw new IOException("cannot list folder " + given + ": " + e.getCause().getMessage(), e.getCause());
                }
            } else {
                found.add(given); // a file as given, whatever its name; a missing one is reported by the reader
            }
        }
        List<Path> sorted = new ArrayList<>(found);
        sorted.sort(BY_NAME_THEN_PATH);
        return List.copyOf(sorted);
    }

    /** Papertrail's {@code .tsv.gz}, any {@code .gz}, or plain {@code .tsv}, in any letter case. */
    static boolean isArchiveName(Path p) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".gz") || name.endsWith(".tsv"); // ".tsv.gz" ends with ".gz"
    }

    /** Whether the file or any folder between the given folder and it is hidden (dot name). */
    private static boolean isHiddenBelow(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
