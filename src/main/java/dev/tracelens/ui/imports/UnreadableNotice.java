package dev.tracelens.ui.imports;

import dev.tracelens.archive.Problem;
import dev.tracelens.store.ArchiveRecord;
import dev.tracelens.store.ImportResult;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the window says when files it was asked to open could not be read as logs (not a log,
 * binary, zstd, empty, missing, or only partly a log): a sentence naming each file with the
 * reader's reason, and the files that could not be read at all, which "Open as…" may read with
 * another format. Made on the UI thread when an import ends; the problems panel keeps the details.
 *
 * @param text  "Could not read notes.bin as a log: not a log file: binary data …"
 * @param files the files no row could be read from, to open again with options (may be empty)
 */
public record UnreadableNotice(String text, List<Path> files) {
    /** Files named in one notice; the rest are counted. */
    static final int NAMED = 3;

    public UnreadableNotice {
        files = List.copyOf(files);
    }

    /** The kinds of problem that mean a file (or its rest) was not read as a log. */
    static boolean aboutAWholeFile(Problem p) {
        return p.row() == 0 && (p.kind() == Problem.Kind.UNREADABLE_FILE || p.kind() == Problem.Kind.NOT_A_LOG
                || p.kind() == Problem.Kind.EMPTY_FILE || p.kind() == Problem.Kind.NO_LOG_FILES);
    }

    /** The notice for problems about whole files (others are ignored); empty when there are none. */
    public static Optional<UnreadableNotice> of(List<Problem> problems, List<Path> unreadableFiles) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Problem p : problems) {
            if (aboutAWholeFile(p)) {
                reasons.putIfAbsent(name(p.archive()), p.detail());
            }
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        reasons.entrySet().stream().limit(NAMED).forEach(e -> parts.add(e.getKey() + " (" + e.getValue() + ")"));
        String text = reasons.size() == 1
                ? "Could not read " + reasons.keySet().iterator().next() + " as a log: " + reasons.values().iterator().next()
                : "Could not read " + reasons.size() + " files as logs: " + String.join("; ", parts)
                        + (reasons.size() > NAMED ? "; and " + (reasons.size() - NAMED) + " more (Problems)" : "");
        return Optional.of(new UnreadableNotice(text, unreadableFiles));
    }

    /** For an ended import: its file problems, and the files it could not read at all. */
    public static Optional<UnreadableNotice> of(ImportJob job, ImportResult result) {
        List<Path> failed = new ArrayList<>();
        if (result != null) {
            for (ArchiveRecord r : result.failed()) {
                try {
                    if (r.path() != null) {
                        failed.add(Path.of(r.path()));
                    }
                } catch (InvalidPathException e) {
                    // a recorded path this system cannot name: nothing to open again
                }
            }
        }
        return of(job.fileProblems(), failed);
    }

    private static String name(String archive) {
        int slash = Math.max(archive.lastIndexOf('/'), archive.lastIndexOf('\\'));
        return slash < 0 ? archive : archive.substring(slash + 1);
    }
}
