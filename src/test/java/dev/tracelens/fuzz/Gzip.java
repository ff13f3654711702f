package dev.tracelens.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes gzip members by hand with one reused {@link Deflater}: a {@code GZIPOutputStream} per
 * input would allocate a new deflater (and its native memory) millions of times. Not thread-safe.
 */
final class Gzip {
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[16 * 1024];

    /** One member holding {@code data[from, to)}; {@code name} non-null sets the FNAME field. */
    void member(ByteArrayOutputStream out, byte[] data, int from, int to, int level, String name) {
        out.write(0x1f);
        out.write(0x8b);
        out.write(8); // deflate
        out.write(name == null ? 0 : 8);
        out.writeBytes(new byte[] {0, 0, 0, 0, 0, (byte) 0xff});
        if (name != null) {
            out.writeBytes(name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.write(0);
        }
        deflater.reset();
        deflater.setLevel(level);
        deflater.setInput(data, from, to - from);
        deflater.finish();
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
        }
        crc.reset();
        crc.update(data, from, to - from);
        int value = (int) crc.getValue();
        int size = to - from;
        for (int v : new int[] {value, size}) {
            out.write(v);
            out.write(v >>> 8);
            out.write(v >>> 16);
            out.write(v >>> 24);
        }
    }

    byte[] members(byte[] data, int[] cuts, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
        int from = 0;
        for (int cut : cuts) {
            member(out, data, from, cut, level, null);
            from = cut;
        }
        member(out, data, from, data.length, level, null);
        return out.toByteArray();
    }
}
