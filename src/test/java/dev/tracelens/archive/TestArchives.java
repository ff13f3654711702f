package dev.tracelens.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes archive files for tests: rows as plain TSV, gzip, or several gzip members. */
final class TestArchives {
    private TestArchives() {
    }

    /** A ten-column Papertrail row (no newline). */
    static String row(long id, String generatedAt, String host, String program, String message) {
        return id + "\t" + generatedAt + "\t" + generatedAt + "\t12345\t" + host + "\t10.0.0.5\tUser\tNotice\t"
                + program + "\t" + message;
    }

    static String row(long id, String message) {
        return row(id, "2016-08-12T03:18:39", "i-2ee330b7", "app-web", message);
    }

    static byte[] lines(List<String> rows) {
        StringBuilder b = new StringBuilder();
        for (String r : rows) {
            b.append(r).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tsv(Path file, List<String> rows) {
        return write(file, lines(rows));
    }

    static Path tsvGz(Path file, List<String> rows) {
        return write(file, gzip(lines(rows)));
    }

    /** One gzip member per group of rows, concatenated, as Papertrail sometimes writes them. */
    static Path multiMemberGz(Path file, List<List<String>> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (List<String> member : members) {
            out.writeBytes(gzip(lines(member)));
        }
        return write(file, out.toByteArray());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
