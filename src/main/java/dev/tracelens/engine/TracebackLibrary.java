package dev.tracelens.engine;

import dev.tracelens.store.ImportListener;
import dev.tracelens.store.ImportResult;
import dev.tracelens.traceback.Traceback;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the app asks of the engine, in the app's words. View models depend on this, not on
 * the store, so the screens read as what they show; {@link StoreLibrary} maps it onto the
 * store ({@code store.TracebackIndex}) and the engine's services. Every method blocks and may take long: call it from a background task, never
 * from the FX thread. Implementations are thread-safe.
 */
public interface TracebackLibrary extends AutoCloseable {

    /** Groups under the query, by count (highest first), at most {@code limit}. */
    List<GroupRow> groups(GroupQuery query, int limit) throws InvalidQueryException;

    /** The detail of one group under the query; empty when the group has no occurrence under it. */
    Optional<GroupDetail> detail(String fingerprint, GroupQuery query, int occurrenceLimit)
            throws InvalidQueryException;

    /**
     * The known tickets matching the group's traceback (its latest occurrence), best first, with
     * the words they share; empty without a ticket index ({@code tracelens tickets sync}).
     */
    default List<dev.tracelens.tickets.TicketMatch> tickets(String fingerprint) {
        return List.of();
    }

    /**
     * Starts listening for syslog on {@code addresses} ({@code udp://HOST:PORT,tcp://HOST:PORT})
     * into the store, as {@code tracelens listen} does; close the session to stop.
     *
     * @throws java.io.IOException when an address cannot be bound or the spool cannot be used
     * @throws IllegalArgumentException when the addresses cannot be read
     */
    default LiveSession startLive(String addresses, int contextRows, dev.tracelens.traceback.TraceOptions tracing,
                                  java.util.function.Consumer<String> errors) throws java.io.IOException {
        throw new UnsupportedOperationException("this library cannot listen");
    }

    /**
     * Merging and splitting groups as grouping rules (with undo), when the store has them; each
     * action regroups the store at once, so reload the groups after it.
     */
    default Optional<GroupingService> grouping() {
        return Optional.empty();
    }

    /** One stored traceback with its context. */
    Optional<Traceback> occurrence(long id);

    Facets facets();

    /** The triage decision about a group; empty when none was made. */
    default Optional<Triage> triage(String fingerprint) {
        return Optional.empty();
    }

    /**
     * Records a decision about a group: resolved (through its newest occurrence stored now, so a
     * later one flags a regression), ignored, muted until {@code mutedUntil}, or open again.
     */
    default Triage setTriage(String fingerprint, Triage.Status status, java.time.Instant mutedUntil) {
        throw new UnsupportedOperationException("this library keeps no triage");
    }

    /** The imported archives in name (= time) order, with the tracebacks each holds now. */
    default List<dev.tracelens.store.ArchiveRecord> archives() {
        return List.of();
    }

    /**
     * Forgets one imported archive: its tracebacks and its registry record (importing it again
     * brings them back). Returns how many tracebacks went, or -1 when it is not registered.
     */
    default long removeArchive(String name) {
        throw new UnsupportedOperationException("this library cannot remove an archive");
    }

    /**
     * Stored words of the traceback text that differ from {@code word} only in letter case (the
     * search is case-sensitive), at most {@code max}: what a search that found nothing may have meant.
     */
    default List<String> otherCasings(String word, int max) {
        return List.of();
    }

    /**
     * The facets, and the groups of the query {@code queryFor} makes from them (a time range such
     * as "last 24 hours" ends at the newest traceback), at most {@code limit}: what one reload of
     * the groups list needs. The unfiltered list and the facets are the same grouping of the
     * whole store, so an implementation reads the store once for both.
     */
    FacetsAndGroups facetsAndGroups(Function<Facets, GroupQuery> queryFor, int limit) throws InvalidQueryException;

    /** One reload's facets, the query they led to, and its groups. */
    record FacetsAndGroups(Facets facets, GroupQuery query, List<GroupRow> groups) {
    }

    /**
     * Writes a report of the requested groups to {@code target}, atomically: the file is
     * complete or not there (also when the export fails or is cancelled).
     *
     * @return the number of groups written
     * @throws java.util.concurrent.CancellationException when the listener asks to stop
     * @throws java.io.IOException when the file cannot be written
     */
    long export(ExportRequest request, Path target, ExportListener listener)
            throws InvalidQueryException, java.io.IOException;

    /**
     * One group as GitHub Markdown (or Jira markup) for an issue, the way a report shows it: its
     * facts, the occurrence {@code occurrenceId} in full with its context, and the newest
     * {@code occurrences} listed. Empty when the group has no occurrence under the query.
     */
    Optional<String> groupMarkdown(String fingerprint, long occurrenceId, GroupQuery query, int occurrences,
                                   boolean jira) throws InvalidQueryException;

    /**
     * Imports archive files and folders (folders are searched for archives). Bad rows and files
     * are reported and skipped; unchanged archives already stored are skipped.
     *
     * @throws java.util.concurrent.CancellationException when the thread is interrupted; the store
     *         then holds exactly the archives committed before
     */
    default ImportResult importArchives(List<Path> paths, int contextRows, ImportListener listener) {
        return importArchives(paths, contextRows, dev.tracelens.archive.ReaderOptions.defaults(), listener);
    }

    /**
     * Imports archive files and folders read the way {@code reading} says (a forced input format,
     * a JSON field mapping, a text pattern: "Open as…" and the sync prefixes' formats), with the
     * default trace options.
     */
    default ImportResult importArchives(List<Path> paths, int contextRows, dev.tracelens.archive.ReaderOptions reading,
                                        ImportListener listener) {
        return importArchives(paths, contextRows, reading, dev.tracelens.traceback.TraceOptions.DEFAULT, listener);
    }

    /**
     * As above, rebuilding traces as {@code tracing} says (the user's in-app prefixes, as the
     * CLI's {@code --in-app}): they decide the group keys and which frames are drawn as own code.
     */
    ImportResult importArchives(List<Path> paths, int contextRows, dev.tracelens.archive.ReaderOptions reading,
                                dev.tracelens.traceback.TraceOptions tracing, ImportListener listener);

    /**
     * Makes what a running import has written so far visible to the next queries, before its
     * archive is committed, so the first groups show while a large file is still read. A
     * cancelled import takes back what was not committed; queries after it no longer see it.
     */
    void showUncommitted();

    /**
     * Deletes every stored traceback and forgets the imported archives (the "remove sample data"
     * action), so opening the same archives again imports them again.
     */
    void clear();

    @Override
    void close();
}
