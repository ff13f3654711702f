package dev.tracelens.store;

import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NIOFSDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The embedded Lucene store on disk: owns the directory, the writer (unless opened read-only)
 * and the searchers. Thread-safe: queries may run on any thread while an import runs; searchers
 * are always released.
 *
 * <p>Opened for writing, it holds Lucene's write lock, so a second Tracelens cannot write the same
 * store; opened read-only, it takes no lock and sees the last commit (e.g. while another process
 * imports).
 */
public final class TracebackStore implements Closeable {

    /** Work on a searcher that is released afterwards. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private static final String LOCK_FILE = IndexWriter.WRITE_LOCK_NAME;

    /**
     * Lucene says on stderr, through java.util.logging, that the JDK's incubating vector module is
     * not enabled; that only matters for vector search, which the store does not use, and it
     * would show up in every CLI command's output. Kept in a field: JUL holds loggers weakly.
     */
    private static final Logger VECTOR_LOG = Logger.getLogger("org.apache.lucene.internal.vectorization");

    static {
        if (VECTOR_LOG.getLevel() == null) {
            VECTOR_LOG.setLevel(Level.SEVERE);
        }
    }

    private final Path path;
    private final Directory directory;
    private final boolean readOnly;
    private final TracebackFilteredAnalyzer analyzer = new TracebackFilteredAnalyzer();
    private final StoreJsonCodec json = new StoreJsonCodec();
    private final TracebackDocuments documents = new TracebackDocuments(json);
    private final Object writeLock = new Object();
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    /**
     * Commits so far, and how many of them the searchers' view surely includes: a search first
     * refreshes the view when a commit is newer. A plain flag with SearcherManager.maybeRefresh
     * was not enough: when another thread was refreshing at that moment, maybeRefresh returned
     * at once, the flag was gone, and that search and later ones read the view from before the
     * commit (the groups list kept groups a clear had removed).
     */
    private final AtomicLong commits = new AtomicLong();
    private volatile long commitsSeen;
    private final Object refreshLock = new Object();
    /** Set by a running import: puts what it handed to its writer threads into the writer. */
    private volatile Runnable pendingWrites;

    private TracebackStore(Path path, Directory directory, boolean readOnly) {
        this.path = path;
        this.directory = directory;
        this.readOnly = readOnly;
    }

    /** Opens (creating if needed) the store at {@code dir} for reading and writing. */
    public static TracebackStore open(Path dir) {
        return open(dir, notice -> { });
    }

    /**
     * The same, saying through {@code notices} what it does that the user should know about,
     * e.g. that a store of an older format is being upgraded (which may take a while).
     */
    public static TracebackStore open(Path dir, Consumer<String> notices) {
        return open(dir, false, UnaryOperator.identity(), notices);
    }

    /** Opens an existing store without taking the write lock; it sees the last commit. */
    public static TracebackStore openReadOnly(Path dir) {
        return open(dir, true, UnaryOperator.identity());
    }

    /** {@code wrapper} lets tests put a faulty directory (e.g. a full disk) under the store. */
    static TracebackStore open(Path dir, boolean readOnly, UnaryOperator<Directory> wrapper) {
        return open(dir, readOnly, wrapper, notice -> { });
    }

    private static TracebackStore open(Path dir, boolean readOnly, UnaryOperator<Directory> wrapper,
                                       Consumer<String> notices) {
        Path path = dir.toAbsolutePath().normalize();
        Directory directory = null;
        try {
            String unusable = StoreErrors.unusablePath(path);
            if (unusable != null) {
                throw new StoreException("Cannot open the store at " + path + ": " + unusable);
            }
            if (readOnly && !Files.isDirectory(path)) {
                throw new StoreException("There is no Tracelens store at " + path + " (import archives first)");
            }
            Files.createDirectories(path);
            // Writing with memory-mapped files made each per-archive commit twice as slow (mapping and
            // unmapping every new segment file); readers keep the faster mapped reads.
            directory = wrapper.apply(readOnly ? FSDirectory.open(path) : new NIOFSDirectory(path));
            TracebackStore store = new TracebackStore(path, directory, readOnly);
            try {
                store.start(notices);
            } catch (IOException | RuntimeException e) {
                store.closeWriterQuietly();
                throw e;
            }
            return store;
        } catch (StoreException e) {
            closeQuietly(directory);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(directory);
            throw new StoreException(StoreErrors.cannotOpen(path, readOnly, e), e);
        }
    }

    private void start(Consumer<String> notices) throws IOException {
        boolean exists = DirectoryReader.indexExists(directory);
        int version = StoreSchema.FORMAT_VERSION;
        if (exists) {
            version = checkFormat();
        } else if (readOnly) {
            throw new StoreException("There is no Tracelens store at " + path + " (import archives first)");
        } else {
            refuseForeignFiles();
        }
        if (readOnly) {
            searchers = new SearcherManager(directory, null);
            return;
        }
        openWriter();
        if (!exists) {
            commit();
        } else if (version < StoreSchema.FORMAT_VERSION) {
            notices.accept("Upgrading the store at " + path + " from format " + version + " to "
                    + StoreSchema.FORMAT_VERSION + ": regrouping every stored traceback with the new fingerprint rules"
                    + " (every traceback is kept; no archive is read again; this may take a while)...");
            long kept = StoreUpgrade.refingerprint(this);
            notices.accept("Upgraded the store at " + path + " to format " + StoreSchema.FORMAT_VERSION
                    + ": " + kept + " tracebacks kept.");
        }
    }

    private void closeWriterQuietly() {
        closeQuietly(searchers);
        IndexWriter w = writer;
        if (w != null) {
            try {
                w.rollback();
            } catch (IOException | RuntimeException ignored) {
                // Failed while opening: the last commit is what stays on disk.
            }
        }
    }

    private void openWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                // Fast stored fields (LZ4): the context, the bulk of them, is compressed once per
                // traceback when its document is built (StoredContext); DEFLATE over every stored
                // block took 40 % of an import's CPU (docs/PERFORMANCE.md).
                .setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_SPEED))
                .setRAMBufferSizeMB(ramBufferMb())
                // Only explicit commits count: a crash or a failed import falls back to the last one.
                .setCommitOnClose(false)
                .setMergeScheduler(new QuietMergeScheduler());
        try {
            writer = new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            throw new StoreException("The store at " + path + " is in use by another Tracelens"
                    + " (close it, or choose another folder with --store): " + e.getMessage(), e);
        }
        searchers = new SearcherManager(writer, true, false, null);
    }

    /**
     * The writer's RAM buffer: a quarter of the heap, 16 to 256 MB (64 MB under -Xmx256m), shared
     * by the document writer threads; segments are flushed when it is full, not per document.
     */
    static double ramBufferMb() {
        return Math.clamp((Runtime.getRuntime().maxMemory() >> 20) / 4, 16, 256);
    }

    /**
     * Merges in the background as Lucene does, but a merge that fails (e.g. on a damaged file)
     * is not printed as a stack trace on stderr by the merge thread: the writer records it as its
     * tragic exception, and the next write fails with a message that names the cause.
     */
    private static final class QuietMergeScheduler extends org.apache.lucene.index.ConcurrentMergeScheduler {
        @Override
        protected void handleMergeException(Throwable exc) {
            // Left to the writer (IndexWriter.getTragicException) and reported by the import.
        }
    }

    /** Why the writer can no longer write, if it hit an unrecoverable error. */
    Throwable tragedy() {
        IndexWriter w = writer;
        return w == null ? null : w.getTragicException();
    }

    /** The store's format version; refuses one this Tracelens cannot read. */
    private int checkFormat() throws IOException {
        Map<String, String> userData;
        try {
            userData = SegmentInfos.readLatestCommit(directory).getUserData();
        } catch (IndexFormatTooNewException e) {
            throw new StoreException("The store at " + path + " was written by a newer Lucene than this"
                    + " Tracelens reads; use a newer Tracelens", e);
        } catch (IndexFormatTooOldException e) {
            throw new StoreException("The store at " + path + " is not readable: " + e.getMessage(), e);
        } catch (CorruptIndexException e) {
            throw new StoreException(StoreErrors.cannotOpen(path, readOnly, e), e);
        }
        String version = userData.get(StoreSchema.FORMAT_KEY);
        if (version == null) {
            throw new StoreException(path + " holds a Lucene index that is not a Tracelens store"
                    + " (no store format version recorded)");
        }
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new StoreException("The store at " + path + " has an unknown format version '" + version + "'");
        }
        if (v > StoreSchema.FORMAT_VERSION) {
            throw new StoreException("The store at " + path + " has format version " + v
                    + ", newer than this Tracelens understands (" + StoreSchema.FORMAT_VERSION
                    + "); use a newer Tracelens");
        }
        if (v < 1) {
            throw new StoreException("The store at " + path + " has an unknown format version " + v);
        }
        return v;
    }

    /** A new store must not be created among someone else's files (e.g. --store ~). */
    private void refuseForeignFiles() throws IOException {
        try (Stream<Path> files = Files.list(path)) {
            // Lucene's own files without a commit are a store whose creation was killed before its first commit.
            if (files.anyMatch(f -> !isLuceneFile(f.getFileName().toString()))) {
                throw new StoreException(path + " is not empty and not a Tracelens store;"
                        + " choose an empty or new folder for the store");
            }
        }
    }

    private static boolean isLuceneFile(String name) {
        return name.equals(LOCK_FILE) || name.startsWith(IndexFileNames.SEGMENTS)
                || name.startsWith(IndexFileNames.PENDING_SEGMENTS)
                || IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches();
    }

    public Path path() {
        return path;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public TracebackFilteredAnalyzer analyzer() {
        return analyzer;
    }

    TracebackDocuments documents() {
        return documents;
    }

    StoreJsonCodec json() {
        return json;
    }

    /** The writer; fails clearly when the store was opened read-only or lost its writer. */
    IndexWriter writer() {
        IndexWriter w = writer;
        if (readOnly) {
            throw new StoreException("The store at " + path + " is open read-only");
        }
        if (w == null || !w.isOpen()) {
            throw new StoreException("The store at " + path + " cannot be written any more after an earlier"
                    + " failure; reopen it");
        }
        return w;
    }

    /** While an import runs: how {@link #refresh()} gets the documents it has handed over into the writer (null after). */
    void pendingWrites(Runnable drain) {
        pendingWrites = drain;
    }

    /** Serialises imports and prunes: one writer task at a time. */
    Object writeLock() {
        return writeLock;
    }

    /** Commits everything added so far, recording the format version, and shows it to searchers. */
    void commit() throws IOException {
        IndexWriter w = writer();
        w.setLiveCommitData(Map.of(StoreSchema.FORMAT_KEY, Integer.toString(StoreSchema.FORMAT_VERSION)).entrySet());
        w.commit();
        // Reopening readers after every archive is costly (mapping and unmapping files); searches
        // pick the new commit up lazily instead.
        commits.incrementAndGet();
    }

    /**
     * Drops everything since the last commit after a failed write (e.g. a full disk), then opens a
     * fresh writer on the last commit so that the store stays usable. If even that fails, the
     * store stays readable at its last commit.
     */
    void rollbackToLastCommit() {
        IndexWriter w = writer;
        SearcherManager old = searchers;
        try {
            if (w != null) {
                w.rollback();
            }
        } catch (IOException | RuntimeException ignored) {
            // The writer is closed either way; what is on disk is the last commit.
        }
        try {
            openWriter();
        } catch (IOException | RuntimeException e) {
            writer = null;
            try {
                searchers = new SearcherManager(directory, null);
            } catch (IOException e2) {
                searchers = null;
            }
        }
        closeQuietly(old);
    }

    /**
     * Picks up commits made by another process (read-only stores) or this one, and for a writable
     * store what was written but not committed yet. Waits for a refresh another thread is running.
     */
    public void refresh() {
        Runnable pending = pendingWrites;
        if (pending != null) {
            pending.run();
        }
        try {
            refresh(searchers);
        } catch (IOException e) {
            throw new StoreException("Reading the store at " + path + " failed: " + describe(e), e);
        }
    }

    private void refresh(SearcherManager manager) throws IOException {
        synchronized (refreshLock) {
            long upTo = commits.get();
            manager.maybeRefreshBlocking();
            commitsSeen = Math.max(commitsSeen, upTo);
        }
    }

    /** Refreshes the view if a commit happened since it was last refreshed. */
    private void catchUp(SearcherManager manager) throws IOException {
        if (commitsSeen < commits.get()) {
            synchronized (refreshLock) {
                if (commitsSeen < commits.get()) { // else another search refreshed meanwhile
                    refresh(manager);
                }
            }
        }
    }

    /** Runs {@code work} on a current searcher and releases it, whatever happens. */
    public <T> T search(SearcherWork<T> work) {
        SearcherManager manager = searchers;
        if (manager == null) {
            throw new StoreException("The store at " + path + " is closed");
        }
        IndexSearcher searcher;
        try {
            catchUp(manager);
            searcher = manager.acquire();
        } catch (AlreadyClosedException e) {
            throw new StoreException("The store at " + path + " is closed", e);
        } catch (IOException e) {
            throw readFailed(e);
        }
        try {
            return work.apply(searcher);
        } catch (IOException e) {
            throw readFailed(e);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            // A damaged file surfaces as anything from a zlib error to a missing field.
            if (StoreErrors.damage(e) != null) {
                throw damaged(e);
            }
            throw e;
        } finally {
            try {
                manager.release(searcher);
            } catch (IOException ignored) {
                // Releasing only decrements a reference count.
            }
        }
    }

    private StoreException readFailed(IOException e) {
        return StoreErrors.damage(e) != null ? damaged(e)
                : new StoreException("Reading the store at " + path + " failed: " + StoreErrors.cause(e), e);
    }

    /** The store's files are damaged: say so, and how to get out of it, once for every command. */
    StoreException damaged(Throwable e) {
        return new StoreException("The store at " + path + " is damaged (" + describe(StoreErrors.damage(e)) + ")."
                + " Run `tracelens store check` to see what is damaged and `tracelens store rebuild` to rebuild it"
                + " from its archives; queries that do not touch the damaged part still work.", e);
    }

    /** How many traceback occurrences the store holds. */
    public long tracebackCount() {
        return search(s -> (long) s.count(new TermQuery(new Term(StoreSchema.KIND, StoreSchema.KIND_TRACEBACK))));
    }

    /** Bytes the store takes on disk now. */
    public long sizeOnDisk() {
        long total = 0;
        try {
            for (String file : directory.listAll()) {
                try {
                    total += directory.fileLength(file);
                } catch (IOException ignored) {
                    // A file deleted by a concurrent merge.
                }
            }
        } catch (IOException e) {
            throw new StoreException("Cannot list the store at " + path + ": " + describe(e), e);
        }
        return total;
    }

    /** Closes the store; anything not committed is dropped (imports commit per archive). */
    @Override
    public void close() {
        closeQuietly(searchers);
        IndexWriter w = writer;
        if (w != null) {
            try {
                w.close();
            } catch (IOException | RuntimeException ignored) {
                // Nothing uncommitted is worth keeping: imports commit per archive.
            }
        }
        closeQuietly(directory);
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // Closing on the way out: the first failure is the one reported.
        }
    }
}
