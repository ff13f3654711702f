package dev.tracelens.store;

import dev.tracelens.traceback.Language;
import dev.tracelens.traceback.LineKinds;
import dev.tracelens.traceback.Traceback;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

import java.util.List;

/**
 * Maps a {@link Traceback} to its Lucene document and back.
 *
 * <p>The key is the header row's Papertrail id with the traceback's ordinal within that row
 * ({@code firstId/ordinal}, ADR 0007), not {@code id} (the last row): a traceback cut off at an
 * archive's end and completed later has the same header but a different last row, and must stay
 * one document; two tracebacks printed in one row must stay two.
 */
final class TracebackDocuments {

    /**
     * Positions are indexed so that "historical reflection" can phrase-match token sequences.
     * No norms: length normalisation adds little to ranking tracebacks, and because registry
     * documents have no text the norms were sparse, which made scoring and merging slow.
     */
    private static final FieldType TEXT_TYPE = new FieldType();

    static {
        TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        TEXT_TYPE.setTokenized(true);
        TEXT_TYPE.setOmitNorms(true);
        TEXT_TYPE.setStored(false);
        TEXT_TYPE.freeze();
    }

    private final StoreJsonCodec json;

    TracebackDocuments(StoreJsonCodec json) {
        this.json = json;
    }

    /** Every traceback whose header is in this row (nearly always one). */
    static Term firstId(long firstId) {
        return new Term(StoreSchema.FIRST_ID, Long.toString(firstId));
    }

    /** The document key of a traceback: which stored document a new version of it replaces. */
    static String keyOf(Traceback t) {
        return keyOf(t.firstId(), t.ordinal());
    }

    static String keyOf(long firstId, int ordinal) {
        return firstId + "/" + ordinal;
    }

    static Term key(Traceback t) {
        return new Term(StoreSchema.KEY, keyOf(t));
    }

    static Term key(long firstId, int ordinal) {
        return new Term(StoreSchema.KEY, keyOf(firstId, ordinal));
    }

    Document toDocument(Traceback t) {
        Document doc = new Document();
        doc.add(new StringField(StoreSchema.KIND, StoreSchema.KIND_TRACEBACK, Field.Store.NO));
        doc.add(new StringField(StoreSchema.KEY, keyOf(t), Field.Store.NO));
        doc.add(new StringField(StoreSchema.FIRST_ID, Long.toString(t.firstId()), Field.Store.NO));
        doc.add(new NumericDocValuesField(StoreSchema.FIRST_ID, t.firstId()));
        doc.add(new StringField(StoreSchema.LAST_ID, Long.toString(t.id()), Field.Store.NO));
        long time = t.timestamp().toEpochMilli();
        doc.add(new LongPoint(StoreSchema.TIME, time));
        doc.add(new NumericDocValuesField(StoreSchema.TIME, time));
        keyword(doc, StoreSchema.HOST, t.host());
        keyword(doc, StoreSchema.PROGRAM, t.program());
        keyword(doc, StoreSchema.EXCEPTION_TYPE, t.exceptionType());
        keyword(doc, StoreSchema.LANGUAGE, t.language());
        keyword(doc, StoreSchema.FINGERPRINT, t.fingerprint());
        doc.add(new StringField(StoreSchema.ARCHIVE, nullToEmpty(t.archive()), Field.Store.NO));
        doc.add(new Field(StoreSchema.TEXT, nullToEmpty(t.text()), TEXT_TYPE));
        doc.add(new BinaryDocValuesField(StoreSchema.MESSAGE_SAMPLE, new BytesRef(sample(t.message()))));
        doc.add(new StoredField(StoreSchema.TRACEBACK_JSON, json.write(withoutContext(t))));
        doc.add(new StoredField(StoreSchema.CONTEXT_JSON, StoredContext.compress(json.write(t.context()))));
        return doc;
    }

    /** The traceback from its stored fields; {@code contextJson} may be null to skip the context. */
    Traceback fromStored(BytesRef tracebackJson, BytesRef contextJson) {
        Traceback t = upgraded(json.traceback(bytes(tracebackJson)));
        if (contextJson == null) {
            return t;
        }
        return withContext(t, json.context(StoredContext.decompress(bytes(contextJson))));
    }

    /**
     * Stores written before tracebacks said their language and line kinds held only Python
     * tracebacks: such a document reads as Python, with its line kinds derived from its text.
     */
    private static Traceback upgraded(Traceback t) {
        String language = t.language().isEmpty() ? Language.PYTHON.id() : t.language();
        if (language.equals(t.language()) && t.lineKinds().size() == LineKinds.lines(t.text()).size()) {
            return t;
        }
        return new Traceback(t.id(), t.firstId(), t.ordinal(), t.timestamp(), t.host(), t.program(), language,
                t.exceptionType(), t.message(), t.frames(), t.causes(), t.text(), LineKinds.of(language, t.text()),
                t.context(), t.fingerprint(), t.fingerprintParts(), t.truncated(), t.archive(), t.row());
    }

    private static void keyword(Document doc, String field, String value) {
        String v = nullToEmpty(value);
        doc.add(new StringField(field, v, Field.Store.NO));
        doc.add(new SortedDocValuesField(field, new BytesRef(v)));
    }

    static String sample(String message) {
        String m = nullToEmpty(message);
        int newline = m.indexOf('\n');
        if (newline >= 0) {
            m = m.substring(0, newline);
        }
        return m.length() <= StoreSchema.MESSAGE_SAMPLE_CHARS ? m : m.substring(0, StoreSchema.MESSAGE_SAMPLE_CHARS);
    }

    private static Traceback withoutContext(Traceback t) {
        return withContext(t, List.of());
    }

    private static Traceback withContext(Traceback t, List<dev.tracelens.traceback.ContextLine> context) {
        return t.withContext(context);
    }

    private static byte[] bytes(BytesRef ref) {
        if (ref == null) {
            throw new java.io.UncheckedIOException(new org.apache.lucene.index.CorruptIndexException(
                    "a stored traceback field is missing", "stored fields"));
        }
        byte[] out = new byte[ref.length];
        System.arraycopy(ref.bytes, ref.offset, out, 0, ref.length);
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
