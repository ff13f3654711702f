package dev.tracelens.archive;

import java.util.List;

/**
 * Picks the {@link RowFormat} of a file from its first decoded bytes, never from its name, or
 * refuses the file as binary. Binary means many control bytes, not one: a log whose rows each hold
 * a stray NUL is still a log (its rows are kept and the NULs reported per row), while an image,
 * an executable or UTF-16 text has control bytes in a good share of its bytes.
 */
final class FormatDetector {
    /** Bytes judged for binary data: at the start of a file and of every chunk after it. */
    static final int BINARY_SAMPLE_BYTES = 4096;
    /** More control bytes than this share of the sample, and it is not text. */
    private static final double BINARY_SHARE = 0.05;

    private static final RowFormat PAPERTRAIL = new PapertrailFormat();
    private static final RowFormat JSONL = new JsonLinesFormat();
    private static final RowFormat TEXT = new PlainTextFormat();
    /** Asked in this order; plain text takes anything. */
    private static final List<RowFormat> FORMATS = List.of(PAPERTRAIL, JSONL, TEXT);

    private FormatDetector() {
    }

    /** The format of a file starting with these bytes, or the forced one. */
    static RowFormat choose(InputFormat wanted, byte[] a, int length) {
        return switch (wanted) {
            case PAPERTRAIL -> PAPERTRAIL;
            case JSONL -> JSONL;
            case TEXT -> TEXT;
            case AUTO -> {
                Sample sample = new Sample(a, length);
                for (RowFormat f : FORMATS) {
                    if (f.recognizes(sample)) {
                        yield f;
                    }
                }
                yield TEXT;
            }
        };
    }

    /**
     * Why {@code a[from, to)} is not text, or null when it is: a known binary signature, or control
     * bytes (other than tab, line ends, form feed, backspace and ESC) in more than 5 % of it.
     */
    static String binaryReason(byte[] a, int from, int to) {
        int n = Math.min(to - from, BINARY_SAMPLE_BYTES);
        if (n <= 0) {
            return null;
        }
        String signature = signature(a, from, to);
        int controls = controlBytes(a, from, from + n);
        if (controls > n * BINARY_SHARE || (signature != null && controls > 0)) {
            return "binary data" + (signature == null ? "" : " (" + signature + ")") + ": "
                    + Math.round(100.0 * controls / n) + " % of the " + n + " bytes looked at are control bytes such as NUL";
        }
        return null;
    }

    /** The first control byte of {@code a[from, to)} that makes text binary, or -1. */
    static int firstControl(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isControl(a[i])) {
                return i;
            }
        }
        return -1;
    }

    static int controlBytes(byte[] a, int from, int to) {
        int controls = 0;
        for (int i = from; i < to; i++) {
            if (isControl(a[i])) {
                controls++;
            }
        }
        return controls;
    }

    /**
     * Whether {@code a[from, to)} holds a NUL anywhere. The whole range, not a sample: whether a
     * row's NUL is reported must not depend on where the chunks fall (the fuzzer found a NUL past
     * a chunk's first 4 KiB kept silently at 1 MiB chunks and reported at 4 KiB ones). Eight bytes
     * a step, so this costs a small share of the line split.
     */
    static boolean hasNul(byte[] a, int from, int to) {
        return Bytes.indexOf(a, from, to, (byte) 0) >= 0;
    }

    private static boolean isControl(byte b) {
        return (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x0B && b != '\b'
                && b != 0x1B) || b == 0x7F;
    }

    private static String signature(byte[] a, int from, int to) {
        if (starts(a, from, to, (byte) 0x7F, (byte) 'E', (byte) 'L', (byte) 'F')) {
            return "an ELF executable";
        }
        if (starts(a, from, to, (byte) 'P', (byte) 'K', (byte) 3, (byte) 4)) {
            return "a zip file";
        }
        if (starts(a, from, to, (byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G')) {
            return "a PNG image";
        }
        if (starts(a, from, to, (byte) 0xFF, (byte) 0xFE) || starts(a, from, to, (byte) 0xFE, (byte) 0xFF)) {
            return "UTF-16 text, which Tracelens does not read: convert it to UTF-8";
        }
        return null;
    }

    private static boolean starts(byte[] a, int from, int to, byte... magic) {
        if (to - from < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (a[from + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
