package dev.tracelens.fuzz;

import dev.tracelens.archive.InputFormat;
import dev.tracelens.archive.ReaderOptions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes input number {@code index} of a seeded run: real rows (a window of sample-logs, a corpus
 * trace turned into rows, or both interleaved), then structure-aware row mutations (hosts and
 * programs swapped, rows joined with {@code #012} or split, ids and timestamps broken, tabs
 * dropped or added, NUL/CR/ESC/bidi/invalid UTF-8 bytes injected, huge rows, deep tracebacks,
 * traceback fragments of Python, Java, Go and Node spliced in), then byte mutations of the
 * whole text (bit flips, truncations, blank lines, CRLF), then an encoding (plain, one or more
 * gzip members, or damaged gzip: flipped or cut compressed bytes, garbage or plain text after a
 * member, two members spliced), sometimes across several files, a missing path or a folder.
 *
 * <p>The result depends on {@code (seed, index)} only. Not thread-safe (one reused deflater).
 */
final class ArchiveMutator {
    private static final byte[] HEADER = FuzzSeeds.PYTHON_HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final String[] HOSTS = {"i-2ee330b7", "i-5d6e7f80", "web-1", "h", "", "i-\u00e9t\u00e9", "a b", "x\u001b[2J"};
    private static final String[] PROGRAMS = {"app-web", "app-worker", "nginx", "", "python3", "java", "-"};
    private static final String[] IDS = {"", "-", "+", "+1", "-1", "0", "abc", " 12", "12 ", "00000000000000000001",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "99999999999999999999", "1e10", "0x1f", "\u0661\u0662"};
    private static final String[] TIMES = {"", "2016-02-29T00:00:00", "2015-02-29T00:00:00", "2016-08-12T24:00:00",
            "2016-08-12T03:18:39.1234567890", "2016-08-12T03:18:39.", "2016-08-12T03:18:39Z", "2016-08-12T03:18:39.5Z",
            "2016-08-12T03:18:39+99:99", "2016-08-12T03:18:39-0800", "2016-08-12T03:18:39+14:00",
            "2011-02-10 00:19:36 -0800", "2011-02-10 00:19:36", "2016-08-12T03:18:3", "0000-01-01T00:00:00",
            "9999-12-31T23:59:59.999999999+14:00", "2016-13-01T00:00:00", "2016-00-10T00:00:00", "2016-08-12T03:60:00",
            "2016-08-12t03:18:39", "2016-08-12T03:18:39 ", "2016-08-12T03:18:39-", "1970-01-01T00:00:00Z",
            "2016-08-12T03:18:39.123+00:00", "2016-08-12T03:18:39,123"};
    private static final byte[][] INJECTIONS = {
            {0}, {'\r'}, {0x1b, '[', '3', '1', 'm'}, {0x07}, {0x7f}, {0x08}, bytes("\u202e"), bytes("\u2028"),
            {(byte) 0xc3}, {(byte) 0xff}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xc0, (byte) 0x80}, {(byte) 0xe2, (byte) 0x82}, bytes("#012"), bytes("#011"), bytes("#015"),
            bytes("\\n"), {'\n'}, {'\r', '\n'}, {'\t'}, bytes("\u00e9\u4e2d\ud83d\ude00"), HEADER, bytes("#012" + FuzzSeeds.PYTHON_HEADER),
            bytes("\\n" + FuzzSeeds.PYTHON_HEADER + "\\n"), bytes("#012  File \"a.py\", line 1, in f#012ValueError: x")};

    private final FuzzSeeds seeds;
    private final Gzip gzip = new Gzip();

    ArchiveMutator(FuzzSeeds seeds) {
        this.seeds = seeds;
    }

    FuzzInput input(long seed, long index) {
        SplittableRandom r = new SplittableRandom(mix(seed, index));
        ReaderOptions options = options(r);
        int context = switch (r.nextInt(10)) {
            case 0 -> 0;
            case 1, 2, 3, 4 -> 1 + r.nextInt(5);
            default -> 50;
        };
        List<byte[]> rows = baseRows(r);
        int ops = r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(r.nextBoolean() ? 3 : 10);
        for (int i = 0; i < ops; i++) {
            mutateRows(r, rows, options);
        }
        int fileCount = r.nextInt(8) == 0 ? 2 + r.nextInt(2) : 1;
        List<FuzzInput.FuzzFile> files = new ArrayList<>();
        int[] splits = cuts(r, rows.size(), fileCount - 1);
        int from = 0;
        for (int f = 0; f < fileCount; f++) {
            int to = f < splits.length ? splits[f] : rows.size();
            files.add(file(r, f, rows.subList(from, to)));
            from = to;
        }
        if (r.nextInt(50) == 0) {
            files.add(r.nextInt(files.size() + 1),
                    new FuzzInput.FuzzFile("missing.tsv.gz", FuzzInput.Kind.MISSING, new byte[0], null, "no such file"));
        }
        if (r.nextInt(100) == 0) {
            files.add(r.nextInt(files.size() + 1),
                    new FuzzInput.FuzzFile("folder.tsv.gz", FuzzInput.Kind.FOLDER, new byte[0], null, "a folder"));
        }
        return new FuzzInput(seed, index, options, context, List.copyOf(files));
    }

    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static ReaderOptions options(SplittableRandom r) {
        int maxRow = switch (r.nextInt(10)) {
            case 0, 1, 2 -> 64 + r.nextInt(600);
            case 3, 4 -> 1024 + r.nextInt(4 * 1024);
            case 5 -> 1024 + r.nextInt(64 * 1024);
            default -> ReaderOptions.DEFAULT_MAX_ROW_BYTES;
        };
        int chunk = switch (r.nextInt(50)) {
            case 0 -> ReaderOptions.DEFAULT_CHUNK_BYTES;
            case 1, 2, 3, 4, 5 -> 64 * 1024;
            default -> r.nextBoolean() ? 16 + r.nextInt(100) : 117 + r.nextInt(8 * 1024);
        };
        // Papertrail forced: the check knows each line's fate exactly. Told by content (auto), JSON
        // lines or plain text: rows may span lines, so the check holds to what every format promises.
        InputFormat format = switch (r.nextInt(20)) {
            case 0 -> InputFormat.JSONL;
            case 1 -> InputFormat.TEXT;
            case 2, 3, 4, 5, 6, 7, 8 -> InputFormat.AUTO;
            default -> InputFormat.PAPERTRAIL;
        };
        return new ReaderOptions(maxRow, chunk, 2 + r.nextInt(3)).withInputFormat(format);
    }

    // ---- rows -------------------------------------------------------------------------------

    private List<byte[]> baseRows(SplittableRandom r) {
        int pick = r.nextInt(20);
        if (pick < 11) {
            return window(r);
        }
        if (pick < 15) {
            return textRows(r, seeds.texts().get(r.nextInt(seeds.texts().size())), r.nextInt(4) == 0);
        }
        if (pick < 17) {
            List<byte[]> rows = window(r);
            rows.addAll(r.nextInt(rows.size() + 1), textRows(r, seeds.texts().get(r.nextInt(seeds.texts().size())), r.nextBoolean()));
            return rows;
        }
        if (pick < 18) {
            return interleave(r, window(r), textRows(r, seeds.texts().get(r.nextInt(seeds.texts().size())), false));
        }
        if (pick < 19) {
            return interleave(r, window(r), window(r));
        }
        return r.nextBoolean() ? jsonRows(r, window(r)) : plainLines(seeds.texts().get(r.nextInt(seeds.texts().size())));
    }

    /** Rows as JSON lines ({@code timestamp}, {@code host}, {@code program}, {@code message}, sometimes {@code exc_info}). */
    private static List<byte[]> jsonRows(SplittableRandom r, List<byte[]> rows) {
        List<byte[]> out = new ArrayList<>(rows.size());
        for (byte[] row : rows) {
            byte[][] f = fields(row);
            if (f == null) {
                out.add(row);
                continue;
            }
            String message = json(new String(f[9], StandardCharsets.UTF_8).replace("#012", "\n"));
            out.add(bytes("{\"timestamp\":\"" + json(new String(f[1], StandardCharsets.UTF_8)) + "\",\"host\":\""
                    + json(new String(f[4], StandardCharsets.UTF_8)) + "\",\"program\":\"" + json(new String(f[8], StandardCharsets.UTF_8))
                    + "\",\"message\":\"" + message + "\"" + (r.nextInt(10) == 0
                    ? ",\"exc_info\":\"" + FuzzSeeds.PYTHON_HEADER + "\\n  File \\\"a.py\\\", line 1, in f\\nValueError: x\"" : "")
                    + (r.nextInt(20) == 0 ? ",\"nested\":{\"a\":[1,2,{\"b\":null}]}" : "") + "}"));
        }
        return out;
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A corpus text as the plain lines of a log file. */
    private static List<byte[]> plainLines(List<String> lines) {
        List<byte[]> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            out.add(bytes(line));
        }
        return out;
    }

    private List<byte[]> window(SplittableRandom r) {
        List<byte[]> all = seeds.sampleRows();
        int start;
        int[] headers = seeds.headerRows();
        if (headers.length > 0 && r.nextInt(4) != 0) {
            start = Math.max(0, headers[r.nextInt(headers.length)] - r.nextInt(30));
        } else {
            start = r.nextInt(all.size());
        }
        int length = 1 + (r.nextInt(6) == 0 ? r.nextInt(300) : r.nextInt(60));
        List<byte[]> rows = new ArrayList<>(length + 8);
        for (int i = start; i < Math.min(all.size(), start + length); i++) {
            rows.add(all.get(i).clone());
        }
        return rows;
    }

    /** A trace or log as rows of one source: one row per line, or all in one row joined by #012 or a literal \n. */
    private static List<byte[]> textRows(SplittableRandom r, List<String> lines, boolean oneRow) {
        String host = HOSTS[r.nextInt(3)];
        String program = PROGRAMS[r.nextInt(PROGRAMS.length)];
        long id = 1316537220000387704L + r.nextInt(1_000_000);
        String time = "2026-11-20T03:" + two(r.nextInt(60)) + ":" + two(r.nextInt(60));
        String prefix = r.nextInt(3) == 0 ? "28507/MainThread ERROR app: " : "";
        List<byte[]> rows = new ArrayList<>();
        if (oneRow) {
            String sep = r.nextBoolean() ? "#012" : "\\n";
            rows.add(row(id, time, host, program, prefix + String.join(sep, lines)));
            return rows;
        }
        for (String line : lines) {
            rows.add(row(id, time, host, program, rows.isEmpty() ? prefix + line : line));
            id += 1 + r.nextInt(30);
        }
        return rows;
    }

    private static List<byte[]> interleave(SplittableRandom r, List<byte[]> a, List<byte[]> b) {
        List<byte[]> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            boolean takeA = j >= b.size() || (i < a.size() && r.nextBoolean());
            out.add(takeA ? a.get(i++) : b.get(j++));
        }
        return out;
    }

    private void mutateRows(SplittableRandom r, List<byte[]> rows, ReaderOptions options) {
        if (rows.isEmpty()) {
            rows.add(row(1, "2026-11-20T03:00:00", "h", "p", ""));
        }
        int i = r.nextInt(rows.size());
        byte[][] f = fields(rows.get(i));
        switch (r.nextInt(17)) {
            case 0 -> setFieldAll(r, rows, 4, HOSTS[r.nextInt(HOSTS.length)]);
            case 1 -> setFieldAll(r, rows, 8, PROGRAMS[r.nextInt(PROGRAMS.length)]);
            case 2 -> join(r, rows, i);
            case 3 -> split(rows, i);
            case 4 -> {
                switch (r.nextInt(4)) {
                    case 0 -> rows.add(i, rows.get(i).clone());
                    case 1 -> rows.remove(i);
                    case 2 -> swap(rows, i, r.nextInt(rows.size()));
                    default -> reverseIds(rows, i, Math.min(rows.size(), i + 2 + r.nextInt(20)));
                }
            }
            case 5 -> setField(rows, i, f, 0, IDS[r.nextInt(IDS.length)]);
            case 6 -> setField(rows, i, f, 1, r.nextInt(3) == 0 && f != null ? flipChar(r, f[1]) : TIMES[r.nextInt(TIMES.length)]);
            case 7 -> rows.set(i, tabs(r, rows.get(i)));
            case 8, 9 -> rows.set(i, insert(rows.get(i), r.nextInt(rows.get(i).length + 1), INJECTIONS[r.nextInt(INJECTIONS.length)]));
            case 10, 11 -> fragment(r, rows, i, f);
            case 12 -> huge(r, rows, i, f, options);
            case 13 -> deep(r, rows, i, f);
            case 14 -> shuffle(r, rows, i);
            case 15 -> rows.set(i, bytesOp(r, rows.get(i)));
            default -> {
                if (f != null) {
                    f[9] = new byte[0];
                    rows.set(i, join(f));
                }
            }
        }
    }

    private static void setFieldAll(SplittableRandom r, List<byte[]> rows, int field, String value) {
        int from = r.nextInt(rows.size());
        int to = Math.min(rows.size(), from + 1 + r.nextInt(40));
        for (int k = from; k < to; k++) {
            if (r.nextInt(3) != 0) {
                byte[][] f = fields(rows.get(k));
                if (f != null) {
                    f[field] = bytes(value);
                    rows.set(k, join(f));
                }
            }
        }
    }

    private static void setField(List<byte[]> rows, int i, byte[][] f, int field, String value) {
        if (f != null) {
            f[field] = bytes(value);
            rows.set(i, join(f));
        }
    }

    private static String flipChar(SplittableRandom r, byte[] value) {
        if (value.length == 0) {
            return "x";
        }
        byte[] v = value.clone();
        String pool = "0123456789-:T .Z+x\u0000";
        v[r.nextInt(v.length)] = (byte) pool.charAt(r.nextInt(pool.length()));
        return new String(v, StandardCharsets.ISO_8859_1);
    }

    private static void join(SplittableRandom r, List<byte[]> rows, int i) {
        int n = Math.min(rows.size() - i, 2 + r.nextInt(12));
        byte[][] first = fields(rows.get(i));
        if (first == null || n < 2) {
            return;
        }
        String sep = switch (r.nextInt(4)) {
            case 0 -> "\\n";
            case 1 -> "#015#012";
            default -> "#012";
        };
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(first[9]);
        for (int k = 1; k < n; k++) {
            byte[][] f = fields(rows.get(i + 1));
            m.writeBytes(bytes(sep));
            m.writeBytes(f == null ? rows.get(i + 1) : f[9]);
            rows.remove(i + 1);
        }
        first[9] = m.toByteArray();
        rows.set(i, join(first));
    }

    private static void split(List<byte[]> rows, int i) {
        byte[][] f = fields(rows.get(i));
        if (f == null) {
            return;
        }
        String message = new String(f[9], StandardCharsets.ISO_8859_1);
        String[] parts = message.split("#012", -1);
        if (parts.length < 2) {
            return;
        }
        rows.remove(i);
        for (int k = parts.length - 1; k >= 0; k--) {
            byte[][] g = f.clone();
            g[9] = parts[k].getBytes(StandardCharsets.ISO_8859_1);
            rows.add(i, join(g));
        }
    }

    private static void swap(List<byte[]> rows, int i, int j) {
        byte[] t = rows.get(i);
        rows.set(i, rows.get(j));
        rows.set(j, t);
    }

    private static void reverseIds(List<byte[]> rows, int from, int to) {
        List<byte[]> ids = new ArrayList<>();
        for (int k = from; k < to; k++) {
            byte[][] f = fields(rows.get(k));
            ids.add(f == null ? null : f[0]);
        }
        for (int k = from, back = ids.size() - 1; k < to; k++, back--) {
            byte[][] f = fields(rows.get(k));
            if (f != null && ids.get(back) != null) {
                f[0] = ids.get(back);
                rows.set(k, join(f));
            }
        }
    }

    private static byte[] tabs(SplittableRandom r, byte[] row) {
        int tab = nthTab(row, r.nextInt(9));
        return switch (r.nextInt(3)) {
            case 0 -> tab < 0 ? row : cut(row, tab, tab + 1);
            case 1 -> insert(row, r.nextInt(row.length + 1), new byte[] {'\t'});
            default -> insert(row, 0, bytes("\t\t\t\t\t\t\t\t\t"));
        };
    }

    private static void fragment(SplittableRandom r, List<byte[]> rows, int i, byte[][] f) {
        String line = SyntheticTraces.FRAGMENTS.get(r.nextInt(SyntheticTraces.FRAGMENTS.size()));
        if (f == null || r.nextInt(3) == 0) {
            byte[] row = rows.get(i);
            rows.set(i, insert(row, r.nextInt(row.length + 1), bytes(line)));
            return;
        }
        byte[][] g = f.clone();
        g[9] = bytes(line);
        rows.add(i + (r.nextBoolean() ? 1 : 0), join(g));
    }

    /** A row near the reader's limit, or far over it (rarely, over the 16 MiB default). */
    private static void huge(SplittableRandom r, List<byte[]> rows, int i, byte[][] f, ReaderOptions options) {
        int max = options.maxRowBytes();
        long target;
        if (max == ReaderOptions.DEFAULT_MAX_ROW_BYTES) {
            target = r.nextInt(4000) == 0 ? max - 2 + r.nextInt(5) + (r.nextBoolean() ? 0 : r.nextInt(1 << 20))
                    : 1000 + r.nextInt(r.nextInt(10) == 0 ? 200_000 : 20_000);
        } else {
            target = switch (r.nextInt(3)) {
                case 0 -> max - 3 + r.nextInt(7);
                case 1 -> (long) max * (2 + r.nextInt(3));
                default -> 1 + r.nextInt(max + 1);
            };
        }
        byte[] row = rows.get(i);
        byte[] unit = f != null && f[9].length > 0 ? f[9] : bytes("#012  File \"/srv/app/x.py\", line 1, in f");
        if (r.nextInt(4) == 0) {
            unit = bytes("\u00e9\u4e2d\ud83d\ude00");
        }
        int extra = (int) Math.max(0, Math.min(Integer.MAX_VALUE - 64, target - row.length));
        byte[] big = Arrays.copyOf(row, row.length + extra);
        // big[row.length + k] = unit[k % unit.length]: one copy of the unit, then the filled part doubled
        int filled = Math.min(unit.length, extra);
        System.arraycopy(unit, 0, big, row.length, filled);
        while (filled < extra) {
            int n = Math.min(filled, extra - filled);
            System.arraycopy(big, row.length, big, row.length + filled, n);
            filled += n;
        }
        rows.set(i, big);
    }

    /** A traceback with many frames, as rows of one source or as one row. */
    private static void deep(SplittableRandom r, List<byte[]> rows, int i, byte[][] f) {
        if (f == null) {
            return;
        }
        int frames = r.nextInt(500) == 0 ? 10_000 + r.nextInt(12_000) : 1 + r.nextInt(300);
        List<String> lines = new ArrayList<>(2 * frames + 2);
        lines.add(FuzzSeeds.PYTHON_HEADER);
        for (int k = 0; k < frames; k++) {
            lines.add("  File \"/srv/app/app/tree.py\", line " + (k % 97) + ", in walk" + (k % 7));
            lines.add("    return walk(node.child)");
        }
        lines.add(r.nextBoolean() ? "RecursionError: maximum recursion depth exceeded" : "  File \"/srv/app/app/tree.py\", line 5");
        if (r.nextBoolean()) {
            byte[][] g = f.clone();
            g[9] = bytes(String.join("#012", lines));
            rows.set(i, join(g));
            return;
        }
        List<byte[]> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            byte[][] g = f.clone();
            g[9] = bytes(line);
            out.add(join(g));
        }
        rows.addAll(i, out);
    }

    /** Other sources' rows pushed into a range: local swaps. */
    private static void shuffle(SplittableRandom r, List<byte[]> rows, int i) {
        int to = Math.min(rows.size(), i + 2 + r.nextInt(30));
        for (int k = i; k < to - 1; k++) {
            if (r.nextInt(3) == 0) {
                swap(rows, k, k + 1 + r.nextInt(to - k - 1));
            }
        }
    }

    private static byte[] bytesOp(SplittableRandom r, byte[] a) {
        if (a.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        int at = r.nextInt(a.length);
        return switch (r.nextInt(4)) {
            case 0 -> {
                byte[] b = a.clone();
                b[at] ^= (byte) (1 << r.nextInt(8));
                yield b;
            }
            case 1 -> {
                byte[] b = a.clone();
                b[at] = (byte) r.nextInt(256);
                yield b;
            }
            case 2 -> cut(a, at, Math.min(a.length, at + 1 + r.nextInt(40)));
            default -> insert(a, at, randomBytes(r, 1 + r.nextInt(20)));
        };
    }

    // ---- files ------------------------------------------------------------------------------

    private FuzzInput.FuzzFile file(SplittableRandom r, int n, List<byte[]> rows) {
        String name = "2026-11-20-0" + n + switch (r.nextInt(4)) {
            case 0 -> ".tsv";
            case 1 -> ".gz";
            default -> ".tsv.gz";
        };
        byte[] plain = serialize(r, rows);
        StringBuilder how = new StringBuilder(rows.size() + " rows");
        if (r.nextInt(5) == 0) {
            plain = wholeOp(r, plain, how);
        }
        int encoding = r.nextInt(20);
        if (encoding < 9) {
            // Plain text that happens to start like gzip is gzip to the reader: let the check decode it.
            boolean magic = plain.length >= 2 && (plain[0] & 0xff) == 0x1f && (plain[1] & 0xff) == 0x8b;
            return new FuzzInput.FuzzFile(name, FuzzInput.Kind.FILE, plain, magic ? null : plain, how + ", plain");
        }
        int level = new int[] {0, 1, 1, 1, 6, 6, 9}[r.nextInt(7)];
        int members = r.nextInt(3) == 0 ? 2 + r.nextInt(3) : 1;
        int[] cuts = cuts(r, plain.length, members - 1);
        byte[] gz = gzip.members(plain, cuts, level);
        how.append(", gzip ").append(members).append(" member(s) level ").append(level);
        if (encoding < 17) {
            return new FuzzInput.FuzzFile(name, FuzzInput.Kind.FILE, gz, plain, how.toString());
        }
        return damaged(r, name, plain, gz, how);
    }

    private FuzzInput.FuzzFile damaged(SplittableRandom r, String name, byte[] plain, byte[] gz, StringBuilder how) {
        byte[] bytes;
        switch (r.nextInt(10)) {
            case 0 -> {
                bytes = gz.clone();
                int flips = 1 + r.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    bytes[r.nextInt(bytes.length)] ^= (byte) (1 << r.nextInt(8));
                }
                how.append(", ").append(flips).append(" bit(s) flipped");
            }
            case 1, 2 -> {
                bytes = Arrays.copyOf(gz, r.nextInt(gz.length));
                how.append(", cut to ").append(bytes.length).append(" bytes");
            }
            case 3 -> {
                bytes = concat(gz, r.nextBoolean() ? randomBytes(r, 1 + r.nextInt(300)) : Arrays.copyOf(plain, Math.min(plain.length, 500)));
                how.append(", garbage after the gzip data");
            }
            case 4 -> {
                bytes = concat(Arrays.copyOf(gz, r.nextInt(gz.length)), Arrays.copyOfRange(gz, r.nextInt(gz.length), gz.length));
                how.append(", two parts of the gzip data spliced");
            }
            case 5 -> {
                bytes = gzip.members(gz, new int[0], 6);
                how.append(", gzip of the gzip");
            }
            case 6 -> {
                bytes = concat(bytes("\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000"), randomBytes(r, r.nextInt(3000)));
                return new FuzzInput.FuzzFile(name, FuzzInput.Kind.FILE, bytes, bytes, "an ELF-like binary");
            }
            case 7 -> {
                bytes = new byte[0];
                return new FuzzInput.FuzzFile(name, FuzzInput.Kind.FILE, bytes, bytes, "empty file");
            }
            case 8 -> {
                bytes = concat(new byte[] {0x1f, (byte) 0x8b}, randomBytes(r, r.nextInt(200)));
                how.append(", gzip magic then random bytes");
            }
            default -> {
                bytes = gz.clone();
                int at = 10 + r.nextInt(Math.max(1, bytes.length - 18));
                int len = Math.min(bytes.length - at, 1 + r.nextInt(64));
                for (int k = 0; k < len && at + k < bytes.length; k++) {
                    bytes[at + k] = (byte) r.nextInt(256);
                }
                how.append(", ").append(len).append(" compressed bytes overwritten");
            }
        }
        return new FuzzInput.FuzzFile(name, FuzzInput.Kind.FILE, bytes, null, how.toString());
    }

    private static byte[] serialize(SplittableRandom r, List<byte[]> rows) {
        boolean crlf = r.nextInt(10) == 0;
        boolean blanks = r.nextInt(10) == 0;
        boolean lastNewline = r.nextInt(5) != 0;
        long size = 0;
        for (byte[] row : rows) {
            size += row.length + 2;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 64, size + 16));
        for (int k = 0; k < rows.size(); k++) {
            out.writeBytes(rows.get(k));
            if (k < rows.size() - 1 || lastNewline) {
                if (crlf) {
                    out.write('\r');
                }
                out.write('\n');
            }
            if (blanks && r.nextInt(4) == 0) {
                out.writeBytes(r.nextBoolean() ? new byte[] {'\n'} : new byte[] {'\r', '\n'});
            }
        }
        return out.toByteArray();
    }

    private static byte[] wholeOp(SplittableRandom r, byte[] plain, StringBuilder how) {
        if (plain.length == 0) {
            return plain;
        }
        switch (r.nextInt(4)) {
            case 0 -> {
                how.append(", cut at ").append(plain.length / 2);
                return Arrays.copyOf(plain, r.nextInt(plain.length));
            }
            case 1 -> {
                byte[] b = plain.clone();
                int flips = 1 + r.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                how.append(", bits flipped");
                return b;
            }
            case 2 -> {
                int at = r.nextInt(plain.length);
                int from = r.nextInt(plain.length);
                how.append(", a range copied");
                return insert(plain, at, Arrays.copyOfRange(plain, from, Math.min(plain.length, from + 1 + r.nextInt(4000))));
            }
            default -> {
                how.append(", NULs");
                byte[] b = plain.clone();
                for (int k = 0; k < 1 + r.nextInt(4); k++) {
                    b[r.nextInt(b.length)] = 0;
                }
                return b;
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static int[] cuts(SplittableRandom r, int length, int count) {
        int[] cuts = new int[Math.max(0, count)];
        for (int k = 0; k < cuts.length; k++) {
            cuts[k] = length == 0 ? 0 : r.nextInt(length + 1);
        }
        Arrays.sort(cuts);
        return cuts;
    }

    static byte[] row(long id, String time, String host, String program, String message) {
        return bytes(id + "\t" + time + "\t" + time + "\t720727\t" + host + "\t10.0.227.32\tUser\tNotice\t" + program + "\t" + message);
    }

    /** The ten columns of a row (the message keeps any further tabs), or null with fewer than nine tabs. */
    static byte[][] fields(byte[] row) {
        byte[][] f = new byte[10][];
        int from = 0;
        int n = 0;
        for (int i = 0; i < row.length && n < 9; i++) {
            if (row[i] == '\t') {
                f[n++] = Arrays.copyOfRange(row, from, i);
                from = i + 1;
            }
        }
        if (n < 9) {
            return null;
        }
        f[9] = Arrays.copyOfRange(row, from, row.length);
        return f;
    }

    static byte[] join(byte[][] f) {
        int size = 9;
        for (byte[] c : f) {
            size += c.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int k = 0; k < f.length; k++) {
            System.arraycopy(f[k], 0, out, at, f[k].length);
            at += f[k].length;
            if (k < 9) {
                out[at++] = '\t';
            }
        }
        return out;
    }

    private static int nthTab(byte[] row, int n) {
        int seen = 0;
        for (int i = 0; i < row.length; i++) {
            if (row[i] == '\t' && seen++ == n) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] insert(byte[] a, int at, byte[] what) {
        byte[] out = new byte[a.length + what.length];
        System.arraycopy(a, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(a, at, out, at + what.length, a.length - at);
        return out;
    }

    private static byte[] cut(byte[] a, int from, int to) {
        byte[] out = new byte[a.length - (to - from)];
        System.arraycopy(a, 0, out, 0, from);
        System.arraycopy(a, to, out, from, a.length - to);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] randomBytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int k = 0; k < n; k++) {
            b[k] = (byte) r.nextInt(256);
        }
        return b;
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
