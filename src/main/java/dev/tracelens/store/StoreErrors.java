package dev.tracelens.store;

import org.apache.lucene.index.CorruptIndexException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.DataFormatException;

/**
 * Says why the store could not be opened or read, in words a user can act on: the cause (a file
 * where the folder should be, permission denied, a read-only file system, a damaged file) and
 * what to do, never a bare file name or a stack trace.
 */
final class StoreErrors {
    private StoreErrors() {
    }

    /**
     * Why a store folder cannot be used at all, checked before opening: the path, or a folder on
     * the way to it, is a regular file. Null when nothing is wrong yet.
     */
    static String unusablePath(Path path) {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            return path + " is a file, not a folder; give --store a folder (a new or empty one for a new store)";
        }
        for (Path p = path.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null
                        : "the store folder " + path + " cannot be made because " + p + " is a file, not a folder;"
                                + " choose another folder with --store";
            }
        }
        return null;
    }

    /** "Cannot open the store at X: cause; what to do." */
    static String cannotOpen(Path path, boolean readOnly, Throwable e) {
        return "Cannot open the store at " + path + ": " + cause(e) + advice(path, readOnly, e);
    }

    /** The cause of an I/O failure, naming the file it concerns. */
    static String cause(Throwable e) {
        Throwable damage = damage(e);
        if (damage != null) {
            return "it is damaged (" + TracebackStore.describe(damage) + ")";
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied on " + a.getFile();
        }
        if (e instanceof NotDirectoryException n) {
            return n.getFile() + " is not a folder";
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + " does not exist";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String reason = f.getReason();
            return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1)
                    + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        return TracebackStore.describe(e);
    }

    private static String advice(Path path, boolean readOnly, Throwable e) {
        if (damage(e) != null) {
            return "; run `tracelens store check` to see what is damaged and `tracelens store rebuild`"
                    + " to rebuild the store from its archives";
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null
                ? f.getReason().toLowerCase(Locale.ROOT) : "";
        if (e instanceof AccessDeniedException || reason.contains("permission") || reason.contains("not permitted")) {
            return readOnly ? "; make it readable for this user, or choose another store with --store"
                    : "; make it writable for this user (e.g. chmod -R u+rwX " + path + "), or choose another"
                            + " folder with --store. Commands that only read (groups, search, show, export) need"
                            + " no write permission";
        }
        if (reason.contains("read-only")) {
            return "; the file system is mounted read-only: commands that only read still work there;"
                    + " to import, choose a folder on a writable disk with --store";
        }
        if (reason.contains("no space")) {
            return "; free some space on that disk, or choose another folder with --store";
        }
        return "";
    }

    /** The Lucene or zlib failure underneath that says a store file is damaged, or null. */
    static Throwable damage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CorruptIndexException || t instanceof DataFormatException
                    || t instanceof java.io.EOFException || t instanceof com.fasterxml.jackson.core.JacksonException) {
                return t;
            }
            // Lucene's LZ4 (the stored fields' fast mode) says a damaged block in a plain IOException.
            if (t instanceof IOException && t.getStackTrace().length > 0
                    && t.getStackTrace()[0].getClassName().startsWith("org.apache.lucene.util.compress.")) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Whether this failure means a damaged store file rather than e.g. a full disk. */
    static boolean isDamage(IOException e) {
        return damage(e) != null;
    }
}
