package dev.tracelens.sync;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Maps untrusted S3 keys to files inside one cache folder.
 *
 * <p>Keys come from a bucket someone else writes to, so a key may hold {@code ..}, a leading
 * {@code /}, backslashes, control characters or a thousand characters. A key is never used as a
 * path: a well-formed Papertrail name ({@code YYYY-MM-DD-HH.tsv.gz}, {@code YYYY-MM-DD.tsv.gz}) is
 * kept as is so the cache is readable, anything else becomes a sanitized, length-capped name plus
 * a hash of the full key (so two hostile keys never collide). The result is checked to lie in the
 * day's folder after normalisation, as a last line of defence.
 *
 * <p>Layout: {@code <cache>/<bucket>/<prefix>/dt=YYYY-MM-DD/<name>}, plus the sync state file in
 * {@code <cache>/<bucket>/<prefix>/}. Bucket and prefix get their own folder so that two prefixes
 * of one bucket never share files or state.
 */
public final class ArchiveCache {
    private static final Pattern PAPERTRAIL_NAME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-\\d{2})?\\.tsv(\\.gz)?");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._=-]+");
    /** Leaves room for the hash, the extension and ".part" suffixes under the usual 255-byte limit. */
    private static final int MAX_STEM = 80;

    private final Path root;
    private final String prefix;

    /**
     * @param cacheDir the user's sync cache folder
     * @param bucket   the bucket (becomes a folder name, sanitized)
     * @param prefix   the normalized key prefix
     */
    public ArchiveCache(Path cacheDir, String bucket, String prefix) {
        String p = prefix == null ? "" : prefix;
        this.prefix = p;
        this.root = cacheDir.toAbsolutePath().normalize()
                .resolve(safeSegment(bucket))
                .resolve(p.isEmpty() ? "_" : safeSegment(p));
    }

    /** The folder holding this bucket+prefix's archives and sync state. */
    public Path root() {
        return root;
    }

    /** The S3 "folder" listed for one day: {@code <prefix>/dt=YYYY-MM-DD/}. */
    public String dayPrefix(LocalDate day) {
        return (prefix.isEmpty() ? "" : prefix + "/") + "dt=" + day + "/";
    }

    /** The folder of one day's archives. */
    public Path dayDir(LocalDate day) {
        return root.resolve("dt=" + day);
    }

    /** The cache file for a key listed under {@code day}'s folder; always inside {@link #dayDir}. */
    public Path fileFor(String key, LocalDate day) {
        String dayPrefix = dayPrefix(day);
        String rest = key.startsWith(dayPrefix) ? key.substring(dayPrefix.length())
                : !prefix.isEmpty() && key.startsWith(prefix + "/") ? key.substring(prefix.length() + 1) : key;
        String name = PAPERTRAIL_NAME.matcher(rest).matches() ? rest : safeName(key, rest);
        Path dir = dayDir(day);
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(root) || !dir.equals(file.getParent())) {
            // Cannot happen with the names built above; refuse rather than trust that.
            throw new IllegalStateException("Refusing cache path outside " + dir + " for an S3 key");
        }
        return file;
    }

    /** Log endings kept on cache names, so folders of synced files list like the user's own. */
    private static final Pattern LOG_ENDING = Pattern.compile(
            "\\.(?:tsv|jl|jsonl|ndjson|log|txt)(?:\\.(?:gz|bz2|xz|zst))?$|\\.gz$");

    /** A sanitized name for a non-Papertrail key, keeping its log ending (.tsv.gz, .jl, .log, ...). */
    static String safeName(String fullKey, String rest) {
        var ending = LOG_ENDING.matcher(rest);
        String ext = ending.find() ? ending.group() : "";
        String stem = UNSAFE.matcher(rest.substring(0, rest.length() - ext.length())).replaceAll("_");
        stem = stem.replaceAll("^[._]+", "");
        if (stem.length() > MAX_STEM) {
            stem = stem.substring(0, MAX_STEM);
        }
        return (stem.isEmpty() ? "key" : stem) + "~" + shortHash(fullKey) + ext;
    }

    /** One folder name from an arbitrary string: unchanged if already safe, else sanitized + hash. */
    static String safeSegment(String s) {
        String cleaned = UNSAFE.matcher(s).replaceAll("_").replaceAll("^[._]+", "");
        if (cleaned.length() > MAX_STEM) {
            cleaned = cleaned.substring(0, MAX_STEM);
        }
        if (cleaned.equals(s) && !s.isEmpty()) {
            return s;
        }
        return (cleaned.isEmpty() ? "x" : cleaned) + "~" + shortHash(s);
    }

    static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
