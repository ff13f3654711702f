package dev.tracelens.traceback;

import dev.tracelens.archive.ByteTrigger;
import dev.tracelens.archive.LogLine;
import dev.tracelens.archive.RowHandler;
import dev.tracelens.archive.RowView;
import dev.tracelens.archive.Source;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test rows: a real {@link RowView} implementation over rows written in the test, with sources
 * interned the way the archive reader does (dense indexes, one instance per host + program), so
 * the assembler can be fed without the reader. Ids increase by one per row, timestamps by one
 * second, row numbers count per archive.
 */
final class TestRows {
    private final Map<String, Source> sources = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private long nextId = 700_000_000_000L;
    private long nextMillis = Instant.parse("2016-08-12T03:18:39Z").toEpochMilli();
    private String archive = "2016-08-12-03.tsv.gz";
    private long rowNumber;

    private int decodes;

    /** One stored row; also the view handed to the handler. Counts decodes, to check the hot path. */
    final class Row implements RowView {
        private final long id;
        private final long timestampMillis;
        private final Source source;
        private final String archive;
        private final long rowNumber;
        private final byte[] bytes;

        Row(long id, long timestampMillis, Source source, String archive, long rowNumber, byte[] bytes) {
            this.id = id;
            this.timestampMillis = timestampMillis;
            this.source = source;
            this.archive = archive;
            this.rowNumber = rowNumber;
            this.bytes = bytes;
        }

        @Override
        public long id() {
            return id;
        }

        @Override
        public long timestampMillis() {
            return timestampMillis;
        }

        @Override
        public Source source() {
            return source;
        }

        @Override
        public String archive() {
            return archive;
        }

        @Override
        public long rowNumber() {
            return rowNumber;
        }

        @Override
        public int messageLength() {
            return bytes.length;
        }

        @Override
        public boolean messageContains(byte[] needle) {
            outer:
            for (int i = 0; i <= bytes.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        @Override
        public boolean messageMatches(ByteTrigger trigger) {
            return trigger.test(bytes, 0, bytes.length);
        }

        @Override
        public String message() {
            decodes++;
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public LogLine toLogLine() {
            return new LogLine(id, timestampMillis, source, bytes.clone(), archive, rowNumber);
        }
    }

    /** How many times a row's message was decoded by whoever read the rows. */
    int decodes() {
        return decodes;
    }

    Source source(String host, String program) {
        return sources.computeIfAbsent(host + "\u0000" + program, k -> new Source(sources.size(), host, program));
    }

    /** Starts a new archive file: following rows belong to it and are numbered from 1. */
    TestRows archive(String name) {
        archive = name;
        rowNumber = 0;
        return this;
    }

    /** Adds a row and returns its id. */
    long add(String host, String program, String message) {
        long id = nextId++;
        rows.add(new Row(id, nextMillis, source(host, program), archive, ++rowNumber, message.getBytes(StandardCharsets.UTF_8)));
        nextMillis += 1000;
        return id;
    }

    /** Lets time pass before the next row. */
    TestRows pause(long millis) {
        nextMillis += millis;
        return this;
    }

    /** Adds one row per line of text. Returns the id of the first. */
    long addLines(String host, String program, String text) {
        long first = -1;
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\n", -1)) {
            long id = add(host, program, line);
            if (first < 0) {
                first = id;
            }
        }
        return first;
    }

    long lastId() {
        return nextId - 1;
    }

    List<Row> rows() {
        return rows;
    }

    /** Feeds all rows added so far to the handler, and forgets them. */
    void feed(RowHandler handler) {
        rows.forEach(handler::onRow);
        rows.clear();
    }
}
