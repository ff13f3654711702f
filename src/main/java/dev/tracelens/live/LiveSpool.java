package dev.tracelens.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where live rows are written before the store reads them: segment files in Papertrail's archive
 * format (ten tab-separated columns), so that the store imports them exactly as it imports an
 * hourly archive, crash-safe and without duplicates (docs/decisions/0014-live-rows-through-spool-segments.md).
 *
 * <p>Rows are appended to {@code PREFIX-<first id>.tsv.part}; {@link #seal()} flushes it to disk
 * ({@code fsync}) and renames it to {@code PREFIX-<first id>.tsv}, a finished archive. Names sort
 * in id order, which is arrival order. After a crash {@link #recover()} cuts a half-written last
 * line off the {@code .part} file and seals it. Not thread-safe: one writer thread.
 */
public final class LiveSpool implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int BUFFER = 256 * 1024;

    private final Path dir;
    private final String prefix;
    private LiveIds ids;
    private FileChannel channel;
    private Path part;
    private long firstId;
    private long rows;
    private long openedMillis;
    private long lastId;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private final StringBuilder line = new StringBuilder(512);

    /** @param prefix names this source's segments ({@code syslog}, {@code papertrail}) */
    public LiveSpool(Path dir, String prefix) {
        if (!prefix.matches("[a-z][a-z0-9]*")) {
            throw new IllegalArgumentException("bad segment prefix: " + prefix);
        }
        this.dir = dir;
        this.prefix = prefix;
    }

    public Path directory() {
        return dir;
    }

    /**
     * Seals what a crashed run left half-written and lists every sealed segment of this prefix
     * in order (the store skips those it has imported already).
     */
    public List<Path> recover() throws IOException {
        Files.createDirectories(dir);
        List<Path> parts = list(".tsv.part");
        for (Path p : parts) {
            long keep = lastNewline(p);
            if (keep <= 0) {
                Files.delete(p);
                continue;
            }
            try (FileChannel c = FileChannel.open(p, StandardOpenOption.WRITE)) {
                c.truncate(keep);
                c.force(true);
            }
            Files.move(p, sealedName(p), StandardCopyOption.ATOMIC_MOVE);
        }
        List<Path> sealed = list(".tsv");
        lastId = sealed.isEmpty() ? 0 : lastIdIn(sealed.getLast());
        ids = new LiveIds(lastId);
        return sealed;
    }

    /** The largest id written so far (0 for none): where Papertrail's API goes on from. */
    public long lastId() {
        return lastId;
    }

    /** Appends a row; gives it an id when it has none. Returns the id. */
    public long append(LiveRow row) throws IOException {
        if (ids == null) {
            recover();
        }
        long id = row.id() > 0 ? row.id() : ids.next(row.receivedMillis());
        if (row.id() > 0 && row.id() <= lastId) {
            return id; // a row of Papertrail's we already have (an overlap of pages)
        }
        if (channel == null) {
            firstId = id;
            part = dir.resolve(String.format("%s-%019d.tsv.part", prefix, id));
            channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            openedMillis = System.currentTimeMillis();
        }
        line.setLength(0);
        line.append(id).append('\t');
        line.append(time(row.millis()));
        line.append('\t');
        line.append(time(row.receivedMillis()));
        line.append('\t').append('0').append('\t');
        column(row.host().isEmpty() ? "-" : row.host());
        column(row.address());
        column(row.facility());
        column(row.severity());
        column(row.program());
        message(row.message());
        line.append('\n');
        write(line.toString().getBytes(StandardCharsets.UTF_8));
        rows++;
        lastId = id;
        return id;
    }

    /** Rows in the open segment. */
    public long openRows() {
        return rows;
    }

    /** When the open segment was started (epoch ms), 0 when none is open. */
    public long openedMillis() {
        return channel == null ? 0 : openedMillis;
    }

    /** Hands what is buffered to the operating system (it then survives the process being killed). */
    public void flush() throws IOException {
        if (channel == null) {
            return;
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** Finishes the open segment (on disk, renamed to {@code .tsv}); returns it, or null when none is open. */
    public Path seal() throws IOException {
        if (channel == null) {
            return null;
        }
        flush();
        channel.force(true);
        channel.close();
        channel = null;
        Path sealed = sealedName(part);
        Files.move(part, sealed, StandardCopyOption.ATOMIC_MOVE);
        rows = 0;
        part = null;
        return sealed;
    }

    @Override
    public void close() throws IOException {
        seal();
    }

    private long cachedMillis = Long.MIN_VALUE;
    private String cachedTime = "";

    /** Rows come many to the millisecond: the last one formatted is asked again most of the time. */
    private String time(long millis) {
        if (millis != cachedMillis) {
            cachedMillis = millis;
            cachedTime = TIME.format(Instant.ofEpochMilli(millis));
        }
        return cachedTime;
    }

    private void column(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            line.append(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
        }
        line.append('\t');
    }

    /** The message column: line ends as syslog's {@code #012} (and {@code #015}), the way Papertrail writes them. */
    private void message(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n') {
                line.append("#012");
            } else if (c == '\r') {
                line.append("#015");
            } else {
                line.append(c);
            }
        }
    }

    private void write(byte[] bytes) throws IOException {
        if (bytes.length > buffer.remaining()) {
            flush();
        }
        if (bytes.length > buffer.capacity()) {
            ByteBuffer big = ByteBuffer.wrap(bytes);
            while (big.hasRemaining()) {
                channel.write(big);
            }
            return;
        }
        buffer.put(bytes);
    }

    private Path sealedName(Path p) {
        String n = p.getFileName().toString();
        return p.resolveSibling(n.substring(0, n.length() - ".part".length()));
    }

    private List<Path> list(String suffix) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix + "-") && n.endsWith(suffix)
                        && n.length() == prefix.length() + 1 + 19 + suffix.length();
            }).forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    private static long lastNewline(Path p) throws IOException {
        try (FileChannel c = FileChannel.open(p, StandardOpenOption.READ)) {
            long size = c.size();
            ByteBuffer b = ByteBuffer.allocate(64 * 1024);
            long end = size;
            while (end > 0) {
                long start = Math.max(0, end - b.capacity());
                b.clear().limit((int) (end - start));
                c.read(b, start);
                for (int i = (int) (end - start) - 1; i >= 0; i--) {
                    if (b.get(i) == '\n') {
                        return start + i + 1;
                    }
                }
                end = start;
            }
            return 0;
        }
    }

    private static long lastIdIn(Path segment) throws IOException {
        long keep = lastNewline(segment);
        if (keep <= 0) {
            return 0;
        }
        try (FileChannel c = FileChannel.open(segment, StandardOpenOption.READ)) {
            long start = Math.max(0, keep - 1);
            while (start > 0) {
                ByteBuffer one = ByteBuffer.allocate(1);
                c.read(one, start - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                start--;
            }
            ByteBuffer b = ByteBuffer.allocate(20);
            c.read(b, start);
            String s = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII);
            int tab = s.indexOf('\t');
            return Long.parseLong(tab < 0 ? s : s.substring(0, tab));
        }
    }

}
