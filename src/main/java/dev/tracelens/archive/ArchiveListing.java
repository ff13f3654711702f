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
import java.util.regex.Pattern;
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

    /** Whether the folder (or one below it, hidden ones left out) holds a file with a log name; stops at the first. */
    static boolean hasLogFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.anyMatch(p -> !p.equals(folder) && !isHiddenBelow(folder, p) && isArchiveName(p)
                    && Files.isRegularFile(p));
        } catch (UncheckedIOException e) {
            throw new IOException("cannot list folder " + folder + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** What {@link #isArchiveName} takes, for messages. */
    static final String LOOKED_FOR = ".tsv.gz, .tsv, .jl, .jsonl, .ndjson, .log (also rotated: .log.1), .txt,"
            + " any .gz, and those compressed as .bz2, .xz or .zst";
    private static final Pattern LOG_NAME = Pattern.compile(
            ".*\\.(?:tsv|jl|jsonl|ndjson|log|txt)(?:\\.\\d{1,3})?(?:\\.(?:gz|bz2|xz|zst))?|.*\\.gz");
    /** Not logs, although their names end like logs: archives of files, and a project's documents. */
    private static final Pattern NOT_A_LOG = Pattern.compile(
            ".*\\.tar\\.(?:gz|bz2|xz|zst)|(?:readme|license|licence|notice|changelog|changes|authors|requirements"
                    + "|copying|contributing)(?:[._-].*)?");

    /**
     * Papertrail's {@code .tsv.gz}, JSON lines ({@code .jl}, {@code .jsonl}, {@code .ndjson}), text
     * logs ({@code .log}, rotated {@code .log.1}, {@code .txt}), any {@code .gz}, and those compressed
     * as {@code .bz2}, {@code .xz} or {@code .zst}; in any letter case. Not tarballs, READMEs and
     * the like. The name only picks files in folders: what a file holds is told by its bytes.
     */
    static boolean isArchiveName(Path p) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return LOG_NAME.matcher(name).matches() && !NOT_A_LOG.matcher(name).matches();
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
