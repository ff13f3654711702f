package dev.tracelens.archive;

import java.nio.charset.StandardCharsets;

/**
 * Row ids for files that have none of their own (everything but Papertrail's TSV), see
 * docs/decisions/0008-synthetic-row-ids.md: bit 62 set (Papertrail's ids are far below it, and
 * positive ids keep a command line such as {@code show <id>} free of a leading minus), a 30-bit
 * identity of the file in bits 32-61 and the 1-based line number in bits 0-31. Ids therefore
 * increase with the line within a file, and are the same whenever the same file (or a longer
 * version of it, a rotated or compressed copy of the same name) is read again.
 */
final class SyntheticIds {
    private static final java.util.regex.Pattern COMPRESSED = java.util.regex.Pattern.compile("\\.(?:gz|bz2|xz|zst)$",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final java.util.regex.Pattern ROTATED = java.util.regex.Pattern.compile("\\.\\d{1,3}$");
    static final long BASE = 1L << 62;
    private static final long LINE_MASK = 0xFFFF_FFFFL;
    private static final int IDENTITY_BITS = 30;
    /** Most of a first line that identifies a file; longer first lines are identified by this much. */
    static final int IDENTITY_BYTES = 4096;

    private SyntheticIds() {
    }

    /** The id of a line of the file with this identity. */
    static long of(long identity, long lineNumber) {
        return BASE | (identity << 32) | Math.min(lineNumber, LINE_MASK);
    }

    /** Whether an id is one of ours rather than Papertrail's. */
    static boolean isSynthetic(long id) {
        return (id & BASE) != 0;
    }

    /**
     * The identity of a file whose decoded bytes start with {@code a[from, to)}: a hash of its first
     * line (up to {@link #IDENTITY_BYTES}) and of its name without compression and rotation endings
     * ({@code server.log.2.gz} is {@code server.log}). The first line does not change as a log
     * grows; the name tells apart logs that start alike (two users' hourly files opening with the
     * same record), and without its endings it survives rotation and compression.
     */
    static long identity(byte[] a, int from, int to, String fileName) {
        int end = Math.min(to, from + IDENTITY_BYTES);
        int nl = Bytes.indexOf(a, from, end, (byte) '\n');
        if (nl >= 0) {
            end = nl;
        }
        if (end > from && a[end - 1] == '\r') {
            end--;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < end; i++) {
            h = (h ^ (a[i] & 0xFF)) * 0x100000001b3L;
        }
        h = (h ^ 0xFF) * 0x100000001b3L; // a separator, so that line and name cannot trade bytes
        for (byte b : baseName(fileName).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        h ^= h >>> 31;
        h *= 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return h & ((1L << IDENTITY_BITS) - 1);
    }

    /** {@code server.log.2.gz} → {@code server.log}: the name a log keeps through rotation and compression. */
    static String baseName(String fileName) {
        String n = COMPRESSED.matcher(fileName).replaceFirst("");
        return ROTATED.matcher(n).replaceFirst("");
    }
}
