package dev.tracelens.archive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows from JSON lines through Jackson's streaming parser: one pass over the tokens of a line,
 * values decoded only for the fields a {@link FieldMapping} names (the parser skips the others
 * without making Strings of them), nested objects entered only when a mapped path goes through
 * them. Field names are interned by the parser, so looking one up costs a hash lookup of a String
 * whose hash is cached.
 *
 * <p>The message is the message field, with the traceback field (python-json-logger's
 * {@code exc_info}, ECS's {@code error.stack_trace}, ...) appended after a newline: one row holds
 * the whole traceback, as rows with {@code #012} do in Papertrail archives. A line that is not a
 * JSON object is reported and kept as a plain-text row; after {@value #SWITCH_AFTER} such lines in
 * a row the file is taken to have turned into plain text, said once, and read as such.
 */
final class JsonRows extends LineRows {
    static final int SWITCH_AFTER = 100;
    private static final JsonFactory JSON = JsonFactory.builder()
            // the row limit already bounds a line; Jackson's own 20 MB string cap must not cut below it
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();
    private static final int ROLES = FieldMapping.Role.values().length;
    private static final int TIME = FieldMapping.Role.TIME.ordinal();
    private static final int HOST = FieldMapping.Role.HOST.ordinal();
    private static final int PROGRAM = FieldMapping.Role.PROGRAM.ordinal();
    private static final int PID = FieldMapping.Role.PID.ordinal();
    private static final int MESSAGE = FieldMapping.Role.MESSAGE.ordinal();
    private static final int TRACEBACK = FieldMapping.Role.TRACEBACK.ordinal();
    private static final byte[] NEWLINE = {'\n'};
    private static final byte[] OPEN_PID = {'['};
    private static final byte[] CLOSE_PID = {']', ' '};

    /** A mapped name: its role and rank (lower wins), or an object a mapped path goes into. */
    private static final class Node {
        int role = -1;
        int rank;
        Map<String, Node> children;
    }

    private final Node root = new Node();
    /** Decoded values of the current line, UTF-8, one after the other. */
    private byte[] values = new byte[1024];
    private int valuesLength;
    private final int[] start = new int[ROLES];
    private final int[] length = new int[ROLES];
    private final int[] rank = new int[ROLES];
    private long numericTime;
    private int badInARow;
    private boolean readAsText;

    JsonRows(FileContext file) {
        super(file);
        Map<FieldMapping.Role, List<String>> names = file.options().fields().names();
        for (FieldMapping.Role role : FieldMapping.Role.values()) {
            List<String> list = names.get(role);
            for (int r = 0; r < list.size(); r++) {
                add(list.get(r), role.ordinal(), r);
            }
        }
    }

    private void add(String path, int role, int r) {
        addAt(root, path, role, r); // a flat key "host.name", as ECS also writes
        if (path.indexOf('.') > 0) {
            Node node = root;
            String[] parts = path.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                node = child(node, parts[i]);
            }
            addAt(node, parts[parts.length - 1], role, r);
        }
    }

    private static Node child(Node node, String name) {
        if (node.children == null) {
            node.children = new HashMap<>();
        }
        return node.children.computeIfAbsent(name.intern(), k -> new Node());
    }

    private static void addAt(Node parent, String name, int role, int r) {
        Node n = child(parent, name);
        if (n.role < 0) {
            n.role = role;
            n.rank = r;
        }
    }

    @Override
    protected void parse(byte[] a, int from, int to, long lineNumber, boolean maybeNonAscii) {
        if (readAsText) {
            plain(a, from, to, lineNumber);
            return;
        }
        Arrays.fill(rank, Integer.MAX_VALUE);
        valuesLength = 0;
        numericTime = Timestamps.INVALID;
        String error = null;
        try (JsonParser p = JSON.createParser(a, from, to - from)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                error = "not a JSON object";
            } else {
                object(p, root);
                if (p.nextToken() != null) {
                    error = "more after the JSON object";
                }
            }
        } catch (IOException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
        }
        if (error != null) {
            bad(a, from, to, lineNumber, error);
            return;
        }
        badInARow = 0;
        row(a, from, to, lineNumber);
        if (values.length > (4 << 20)) {
            values = new byte[1024]; // do not hold on to the memory of one huge record
        }
    }

    private void object(JsonParser p, Node node) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            Node n = node.children == null ? null : node.children.get(name);
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT) {
                if (n != null && n.children != null) {
                    object(p, n);
                } else {
                    p.skipChildren();
                }
            } else if (value == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (n != null && n.role >= 0 && n.rank < rank[n.role] && value != JsonToken.VALUE_NULL) {
                take(p, value, n.role, n.rank);
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("unexpected " + t);
        }
    }

    private void take(JsonParser p, JsonToken value, int role, int r) throws IOException {
        if (role == TIME && (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT)) {
            long whole = p.getLongValue();
            double fraction = value == JsonToken.VALUE_NUMBER_FLOAT ? p.getDoubleValue() - whole : 0;
            numericTime = EpochTime.ofNumber(whole, fraction);
            rank[role] = r;
            length[role] = -1;
            return;
        }
        if (value != JsonToken.VALUE_STRING && role != FieldMapping.Role.PID.ordinal()) {
            return; // e.g. ECS's "log": {...} is not Docker's "log": "message"
        }
        rank[role] = r;
        start[role] = valuesLength;
        if (value == JsonToken.VALUE_STRING) {
            put(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        } else {
            String text = p.getText();
            put(text.toCharArray(), 0, text.length());
        }
        length[role] = valuesLength - start[role];
    }

    /** Appends chars to {@link #values} as UTF-8 (surrogate pairs joined; a lone one becomes U+FFFD). */
    private void put(char[] c, int off, int len) {
        ensure(len * 3);
        byte[] v = values;
        int n = valuesLength;
        for (int i = off, end = off + len; i < end; i++) {
            char ch = c[i];
            if (ch < 0x80) {
                v[n++] = (byte) ch;
            } else if (ch < 0x800) {
                v[n++] = (byte) (0xC0 | ch >> 6);
                v[n++] = (byte) (0x80 | ch & 0x3F);
            } else if (Character.isHighSurrogate(ch) && i + 1 < end && Character.isLowSurrogate(c[i + 1])) {
                int cp = Character.toCodePoint(ch, c[++i]); // 4 bytes for 2 chars: within the 3 per char ensured
                v[n++] = (byte) (0xF0 | cp >> 18);
                v[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                v[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                v[n++] = (byte) (0x80 | cp & 0x3F);
            } else {
                if (Character.isSurrogate(ch)) {
                    ch = '\uFFFD';
                }
                v[n++] = (byte) (0xE0 | ch >> 12);
                v[n++] = (byte) (0x80 | ch >> 6 & 0x3F);
                v[n++] = (byte) (0x80 | ch & 0x3F);
            }
        }
        valuesLength = n;
    }

    private void ensure(int more) {
        if (valuesLength + more > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, valuesLength + more + 16));
        }
    }

    private void putBytes(byte[] b, int from, int len) {
        ensure(len);
        System.arraycopy(b, from, values, valuesLength, len);
        valuesLength += len;
    }

    private void row(byte[] a, int from, int to, long lineNumber) {
        long millis = lastMillis;
        if (rank[TIME] != Integer.MAX_VALUE) {
            long t = length[TIME] < 0 ? numericTime : Timestamps.parseMillis(values, start[TIME], start[TIME] + length[TIME]);
            if (t == Timestamps.INVALID && length[TIME] > 0) {
                t = EpochTime.parse(values, start[TIME], start[TIME] + length[TIME]);
            }
            if (t != Timestamps.INVALID) {
                millis = t;
            }
        }
        Source source;
        boolean hasHost = rank[HOST] != Integer.MAX_VALUE && length[HOST] > 0;
        boolean hasProgram = rank[PROGRAM] != Integer.MAX_VALUE;
        if (hasHost) {
            source = hasProgram
                    ? sources.intern(values, start[HOST], start[HOST] + length[HOST], values, start[PROGRAM], start[PROGRAM] + length[PROGRAM])
                    : sources.intern(values, start[HOST], start[HOST] + length[HOST], values, 0, 0);
        } else {
            source = hasProgram
                    ? sources.intern(fileHost, 0, fileHost.length, values, start[PROGRAM], start[PROGRAM] + length[PROGRAM])
                    : sources.intern(fileHost, 0, fileHost.length, fileHost, 0, 0);
        }
        int messageFrom = valuesLength;
        boolean hasText = rank[MESSAGE] != Integer.MAX_VALUE || rank[TRACEBACK] != Integer.MAX_VALUE;
        if (hasText && rank[PID] != Integer.MAX_VALUE && isPid(start[PID], length[PID])) {
            // "[4242] message", as syslog writes app[4242]: the pid is what marks the context rows
            // of the process that printed a traceback (ContextLine.sameProcess), as for Papertrail.
            putBytes(OPEN_PID, 0, 1);
            putBytes(values, start[PID], length[PID]);
            putBytes(CLOSE_PID, 0, 2);
        }
        int textFrom = valuesLength;
        if (rank[MESSAGE] != Integer.MAX_VALUE) {
            int to0 = start[MESSAGE] + length[MESSAGE];
            if (to0 > start[MESSAGE] && values[to0 - 1] == '\n') {
                to0--; // Docker's "log" keeps the line's newline
            }
            putBytes(values, start[MESSAGE], to0 - start[MESSAGE]);
        }
        if (rank[TRACEBACK] != Integer.MAX_VALUE && length[TRACEBACK] > 0) {
            if (valuesLength > textFrom) {
                putBytes(NEWLINE, 0, 1);
            }
            int tbTo = start[TRACEBACK] + length[TRACEBACK];
            while (tbTo > start[TRACEBACK] && values[tbTo - 1] == '\n') {
                tbTo--;
            }
            putBytes(values, start[TRACEBACK], tbTo - start[TRACEBACK]);
        }
        if (rank[MESSAGE] == Integer.MAX_VALUE && rank[TRACEBACK] == Integer.MAX_VALUE) {
            emit(a, from, to, millis, source, lineNumber); // no message field: the record itself is the message
            return;
        }
        emit(values, messageFrom, valuesLength, millis, source, lineNumber);
    }

    /** A process id as loggers write it: 1 to 10 digits (a name such as "MainProcess" is not one). */
    private boolean isPid(int from, int len) {
        if (len < 1 || len > 10) {
            return false;
        }
        for (int i = from; i < from + len; i++) {
            if (values[i] < '0' || values[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private void bad(byte[] a, int from, int to, long lineNumber, String error) {
        badInARow++;
        if (badInARow == SWITCH_AFTER) {
            readAsText = true;
            handler.onProblem(new Problem(archive, lineNumber, Problem.Kind.BAD_JSON, SWITCH_AFTER
                    + " lines in a row are not JSON: the file is read as plain text from here on, without a problem per line"));
        } else {
            handler.onProblem(new Problem(archive, lineNumber, Problem.Kind.BAD_JSON, "not a JSON object ("
                    + error + "), kept as a plain-text row: \"" + Bytes.excerpt(a, from, to, RowParser.EXCERPT_CHARS) + "\""));
        }
        plain(a, from, to, lineNumber);
    }

    private void plain(byte[] a, int from, int to, long lineNumber) {
        emit(a, from, to, lastMillis, inheritedSource(), lineNumber);
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        String s = nl < 0 ? message : message.substring(0, nl);
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
