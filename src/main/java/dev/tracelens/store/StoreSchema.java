package dev.tracelens.store;

/**
 * Every field name and the store format version, in one place, so the writer, the queries and
 * the registry can never disagree about the schema.
 *
 * <p>Two kinds of documents share the index: one per traceback occurrence ({@link #KIND_TRACEBACK})
 * and one per imported archive ({@link #KIND_ARCHIVE}, the registry). Keeping the registry in the
 * same index means it is committed atomically with the tracebacks it describes.
 */
public final class StoreSchema {

    /**
     * Version of the on-disk layout, recorded in every commit's user data. Bump it whenever a
     * field changes meaning; a store written with a newer version is refused, not misread, and
     * an older one is upgraded when opened for writing ({@link StoreUpgrade}).
     *
     * <ul>
     *   <li>1: traceback documents keyed by {@link #FIRST_ID}.</li>
     *   <li>2: keyed by {@link #KEY} ({@code firstId/ordinal}), so a row holding two tracebacks
     *       keeps both (ADR 0007).</li>
     *   <li>3: {@link #CONTEXT_JSON} may hold the JSON compressed ({@link StoredContext}), and
     *       stored fields use the codec's fast mode. Format 2 documents read as they are, so
     *       the upgrade from 2 only records the new version; an older Tracelens refuses the
     *       store instead of misreading compressed context.</li>
     *   <li>4: fingerprints name application modules by their path from the application's root
     *       and group tracebacks without own frames by type and masked message (issue 14); the
     *       upgrade re-fingerprints every stored traceback from its stored parts.</li>
     * </ul>
     */
    public static final int FORMAT_VERSION = 4;

    /** Commit user data key holding {@link #FORMAT_VERSION}. */
    public static final String FORMAT_KEY = "tracelens.store.format";

    /** Document kind, a keyword. */
    public static final String KIND = "kind";
    public static final String KIND_TRACEBACK = "traceback";
    public static final String KIND_ARCHIVE = "archive";

    // Traceback documents.
    /** The document key: {@code firstId/ordinal} (keyword), see {@link TracebackDocuments#key}. */
    public static final String KEY = "key";
    /** Papertrail id of the header row (keyword + numeric doc values); a row may hold several tracebacks. */
    public static final String FIRST_ID = "firstId";
    /**
     * Papertrail id of the row that ends the traceback, the {@code id} of {@code scan --format
     * jsonl} (keyword), so an occurrence can be found by either of its ids.
     */
    public static final String LAST_ID = "lastId";
    /** Header row time, epoch millis (LongPoint + numeric doc values). */
    public static final String TIME = "time";
    public static final String HOST = "host";
    public static final String PROGRAM = "program";
    public static final String EXCEPTION_TYPE = "exceptionType";
    /** The runtime that printed it ({@code python}, {@code java}, ...); absent in documents written before it existed (all Python). */
    public static final String LANGUAGE = "language";
    public static final String FINGERPRINT = "fingerprint";
    /** File name of the archive that holds the header row (keyword). */
    public static final String ARCHIVE = "archive";
    /** The traceback as printed, analyzed with {@link TracebackFilteredAnalyzer}; not stored. */
    public static final String TEXT = "text";
    /** First characters of the exception message, binary doc values, for group lists. */
    public static final String MESSAGE_SAMPLE = "messageSample";
    /** The whole traceback minus its context, compact JSON (stored). */
    public static final String TRACEBACK_JSON = "tracebackJson";
    /** The context rows, compact JSON, compressed once ({@link StoredContext}; stored apart so its size can be measured). */
    public static final String CONTEXT_JSON = "contextJson";

    // Archive registry documents.
    /** Archive file name: the registry key (keyword). */
    public static final String ARCHIVE_NAME = "archiveName";
    /** The archive's {@link ArchiveRecord} as JSON (stored). */
    public static final String ARCHIVE_JSON = "archiveJson";

    /** Longest message sample kept for group lists. */
    static final int MESSAGE_SAMPLE_CHARS = 200;

    private StoreSchema() {
    }
}
