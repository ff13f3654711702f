package dev.tracelens.ui.groups;

import dev.tracelens.engine.Facets;
import dev.tracelens.engine.GroupQuery;
import dev.tracelens.engine.GroupRow;
import dev.tracelens.engine.InvalidQueryException;
import dev.tracelens.engine.TracebackLibrary;
import dev.tracelens.ui.common.Formats;
import dev.tracelens.ui.task.BackgroundTask;
import dev.tracelens.ui.task.TaskExecutor;
import dev.tracelens.ui.task.TaskHandle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The groups list: search text and filters in, groups out. Each change starts a query in the
 * background and cancels the one still running, so the newest query always wins and typing
 * never waits for the store.
 */
public final class GroupsViewModel {
    /** More groups than a person reads; the rest are counted, not listed. */
    public static final int LIMIT = 2000;
    public static final String ANY = "";
    public static final String NO_MATCH = "No group matches the search and filters";
    public static final String NOT_SEARCHED = "Nothing was searched: the query above cannot run";

    private final TracebackLibrary library;
    private final TaskExecutor executor;

    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<TimeRange> timeRange = new SimpleObjectProperty<>(TimeRange.ALL);
    private final ObservableList<String> selectedHosts = FXCollections.observableArrayList();
    private final ObservableList<String> selectedPrograms = FXCollections.observableArrayList();
    private final ObservableList<String> selectedTypes = FXCollections.observableArrayList();
    private final ObservableList<String> selectedLanguages = FXCollections.observableArrayList();
    private final ObjectProperty<dev.tracelens.engine.TriageFilter> triageFilter =
            new SimpleObjectProperty<>(dev.tracelens.engine.TriageFilter.ANY);
    private final javafx.beans.property.ReadOnlyBooleanWrapper filtered = new javafx.beans.property.ReadOnlyBooleanWrapper();
    /** While several filters change at once (a reset), one query runs at the end, not one per change. */
    private boolean batching;

    private final ObservableList<GroupRow> groups = FXCollections.observableArrayList();
    private final ObjectProperty<GroupRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<String> hosts = FXCollections.observableArrayList();
    private final ObservableList<String> programs = FXCollections.observableArrayList();
    private final ObservableList<String> types = FXCollections.observableArrayList();
    private final ObservableList<String> languages = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper queryError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<QueryProblem> queryProblem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyListText = new ReadOnlyStringWrapper(NO_MATCH);
    private final ReadOnlyObjectWrapper<Facets> facets = new ReadOnlyObjectWrapper<>(Facets.EMPTY);
    private final ReadOnlyObjectWrapper<GroupQuery> query = new ReadOnlyObjectWrapper<>(GroupQuery.ALL);

    private TaskHandle running;
    /** Loads started so far, and the number of the reload-with-uncommitted-rows in flight (0: none). */
    private long loadsStarted;
    private long backgroundLoad;
    private boolean replacing;
    private boolean facetsOwed;
    private final javafx.beans.property.ReadOnlyIntegerWrapper listVersion = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private String wantedFingerprint = "";
    private final javafx.beans.property.BooleanProperty holdOrder = new javafx.beans.property.SimpleBooleanProperty();
    /** Only groups without a known ticket. */
    private final javafx.beans.property.BooleanProperty withoutTicket = new javafx.beans.property.SimpleBooleanProperty();
    /** A reload that would reorder the list while it is held; shown once the hold ends. */
    private Loaded held;
    private boolean autoSelecting;

    public GroupsViewModel(TracebackLibrary library, TaskExecutor executor) {
        this.library = Objects.requireNonNull(library);
        this.executor = Objects.requireNonNull(executor);
        timeRange.addListener((o, a, b) -> filtersChanged());
        triageFilter.addListener((o, a, b) -> filtersChanged());
        for (ObservableList<String> l : List.of(selectedHosts, selectedPrograms, selectedTypes, selectedLanguages)) {
            l.addListener((javafx.collections.ListChangeListener<String>) c -> filtersChanged());
        }
        withoutTicket.addListener((o, a, b) -> filtersChanged());
        holdOrder.addListener((o, was, hold) -> {
            if (!hold && held != null) {
                show(held);
            }
        });
        selected.addListener((o, a, b) -> {
            // Only a choice sticks: the list's own pick of its first row follows the first row,
            // so the first import ends with the first group selected, not whichever led early on.
            if (b != null && !autoSelecting) {
                wantedFingerprint = b.fingerprint();
            }
        });
    }

    // Properties

    /** The search text; applied by {@link #search()} (Enter), not on every key. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<TimeRange> timeRangeProperty() {
        return timeRange;
    }

    /** The hosts the list is filtered on (any of them); empty for all hosts. */
    public ObservableList<String> selectedHosts() {
        return selectedHosts;
    }

    public ObservableList<String> selectedPrograms() {
        return selectedPrograms;
    }

    public ObservableList<String> selectedTypes() {
        return selectedTypes;
    }

    /** The languages ({@code python}, {@code java}, ...) the list is filtered on; empty for all. */
    public ObservableList<String> selectedLanguages() {
        return selectedLanguages;
    }

    /** Which groups show by their triage state (any, open, resolved, ...). */
    public ObjectProperty<dev.tracelens.engine.TriageFilter> triageFilterProperty() {
        return triageFilter;
    }

    /**
     * Records a decision about a group (resolve, ignore, mute until {@code mutedUntil}, reopen) in
     * the background, then reloads the list; {@code done} runs after (the detail shows the state).
     */
    public void setTriage(String fingerprint, dev.tracelens.engine.Triage.Status status, java.time.Instant mutedUntil,
                          Runnable done) {
        executor.execute(BackgroundTask.of(() -> library.setTriage(fingerprint, status, mutedUntil))
                .onSuccess(t -> {
                    refresh();
                    if (done != null) {
                        done.run();
                    }
                })
                .onFailure(e -> queryError.set("The decision could not be kept: " + e.getMessage())));
    }

    /** Whether any filter or the search narrows the list (the reset button shows then). */
    public javafx.beans.property.ReadOnlyBooleanProperty filteredProperty() {
        return filtered.getReadOnlyProperty();
    }

    /** Only the groups that no known ticket matches ({@link GroupRow#tickets()} is 0). */
    public javafx.beans.property.BooleanProperty withoutTicketProperty() {
        return withoutTicket;
    }

    public ObservableList<GroupRow> groups() {
        return groups;
    }

    public ObjectProperty<GroupRow> selectedProperty() {
        return selected;
    }

    public ObservableList<String> hosts() {
        return hosts;
    }

    public ObservableList<String> programs() {
        return programs;
    }

    public ObservableList<String> types() {
        return types;
    }

    /** The languages of the stored tracebacks, offered by the language filter. */
    public ObservableList<String> languages() {
        return languages;
    }

    /** Why the search text cannot run, for the user; empty when it can. */
    public ReadOnlyStringProperty queryErrorProperty() {
        return queryError.getReadOnlyProperty();
    }

    /** The same, with the query and the column for a caret under it; null when the search ran. */
    public ReadOnlyObjectProperty<QueryProblem> queryProblemProperty() {
        return queryProblem.getReadOnlyProperty();
    }

    /** "12 groups, 340 tracebacks". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * While true, reloads that would add, remove or reorder rows wait (the view holds the list
     * while the pointer is over it during an import); the newest waiting one shows when it ends.
     * Searches and filters the user starts are never held.
     */
    public javafx.beans.property.BooleanProperty holdOrderProperty() {
        return holdOrder;
    }

    /** Whether a reload waits for the hold to end. */
    public boolean hasHeldReload() {
        return held != null;
    }

    /** What an empty list says: no match, or that the search did not run at all. */
    public ReadOnlyStringProperty emptyListTextProperty() {
        return emptyListText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Facets> facetsProperty() {
        return facets.getReadOnlyProperty();
    }

    /** The query the list shows now (the detail pane applies the same filters). */
    public ReadOnlyObjectProperty<GroupQuery> queryProperty() {
        return query.getReadOnlyProperty();
    }

    /** Counts the list updates: the detail pane reloads on each (counts and time span may have changed). */
    public javafx.beans.property.ReadOnlyIntegerProperty listVersionProperty() {
        return listVersion.getReadOnlyProperty();
    }

    /**
     * Whether the list is being replaced: a table keeps its selected index across the change and
     * would report an unrelated row as selected; views ignore their selection events meanwhile.
     */
    public boolean isReplacingList() {
        return replacing;
    }

    // Commands

    public void search() {
        refresh();
    }

    public void clearSearch() {
        searchText.set("");
        refresh();
    }

    /** One reset: all time, every host, program, type and language, any triage state and tickets, no search; one query. */
    public void resetFilters() {
        batching = true;
        try {
            timeRange.set(TimeRange.ALL);
            triageFilter.set(dev.tracelens.engine.TriageFilter.ANY);
            selectedHosts.clear();
            selectedPrograms.clear();
            selectedTypes.clear();
            selectedLanguages.clear();
            withoutTicket.set(false);
            searchText.set("");
        } finally {
            batching = false;
        }
        filtersChanged();
    }

    private void filtersChanged() {
        if (!batching) {
            refresh();
        }
    }

    /** Selects this group once it is listed (restoring the selection after a restart or a refresh). */
    public void selectWhenListed(String fingerprint) {
        wantedFingerprint = fingerprint == null ? "" : fingerprint;
        reselect();
    }

    /** Reloads facets and groups, e.g. after an import committed more data. */
    public void reload() {
        load(true, false);
    }

    /**
     * Reloads including what a running import has written but not committed yet; skipped while
     * the previous such reload still runs. Each load cancels the one before it, and an import
     * asks again every few hundred milliseconds: on a busy machine, where a load of facets and
     * groups takes longer than that, no load would ever finish and the list would stay empty
     * until the import ended.
     */
    public void reloadShowingUncommitted() {
        if (backgroundLoad != 0 && backgroundLoad == loadsStarted) {
            return;
        }
        load(true, true);
    }

    /** Runs the current query in the background; a query still running is cancelled. */
    public void refresh() {
        load(false, false);
    }

    /** What one load found: facets and groups from the same moment of the store. */
    private record Loaded(Facets facets, GroupQuery query, List<GroupRow> groups, QueryProblem error,
                          boolean background, String caseHint) {
        Loaded(Facets facets, GroupQuery query, List<GroupRow> groups, QueryProblem error) {
            this(facets, query, groups, error, false, "");
        }

        Loaded inBackground(boolean b) {
            return new Loaded(facets, query, groups, error, b, caseHint);
        }

        Loaded withCaseHint(String hint) {
            return new Loaded(facets, query, groups, error, background, hint);
        }
    }

    /**
     * When a search finds nothing: the stored words that differ from its words only in case
     * ("KeyError for keyerror"), since the search is case-sensitive; empty when there are none.
     */
    private String caseHint(String text) {
        List<String> hints = new java.util.ArrayList<>();
        for (String raw : text.split("\\s+")) {
            String w = raw.replaceFirst("^[+-]", "");
            if (w.isEmpty() || w.equals("AND") || w.equals("OR") || w.equals("NOT") || w.contains(":")) {
                continue; // operators, and fields whose values are listed in the filters
            }
            w = w.replaceAll("[\"()*?~^]", "");
            if (w.length() < 2) {
                continue;
            }
            List<String> other = library.otherCasings(w, 3);
            if (!other.isEmpty()) {
                hints.add(String.join(" or ", other) + " (not " + w + ")");
            }
        }
        return hints.isEmpty() ? "" : "The search is case-sensitive; the store has " + String.join(", ", hints) + ".";
    }

    /**
     * Loads in one background task (the latest call wins): facets when asked (or still owed by a
     * cancelled load), then the groups. One task keeps facets, query and list consistent: the
     * detail pane takes its time span from the facets.
     */
    private void load(boolean reloadFacets, boolean uncommitted) {
        if (running != null) {
            running.cancel();
        }
        long number = ++loadsStarted;
        backgroundLoad = uncommitted ? number : 0;
        facetsOwed |= reloadFacets;
        boolean withFacets = facetsOwed;
        Facets known = facets.get();
        String text = searchText.get();
        TimeRange range = timeRange.get();
        List<String> h = List.copyOf(selectedHosts);
        List<String> p = List.copyOf(selectedPrograms);
        List<String> t = List.copyOf(selectedTypes);
        List<String> langs = List.copyOf(selectedLanguages);
        dev.tracelens.engine.TriageFilter status = triageFilter.get();
        filtered.set(!range.isAll() || status != dev.tracelens.engine.TriageFilter.ANY || !h.isEmpty() || !p.isEmpty()
                || !t.isEmpty() || !langs.isEmpty() || withoutTicket.get() || !text.isBlank());
        running = executor.execute(BackgroundTask.of(() -> {
                    if (uncommitted) {
                        library.showUncommitted();
                    }
                    Function<Facets, GroupQuery> queryFor =
                            f -> new GroupQuery(text, range.since(f.last()), range.until(), h, p, t, langs, status);
                    try {
                        if (withFacets) {
                            TracebackLibrary.FacetsAndGroups both = library.facetsAndGroups(queryFor, LIMIT);
                            Loaded l = new Loaded(both.facets(), both.query(), both.groups(), null);
                            return l.groups().isEmpty() && !text.isBlank() ? l.withCaseHint(caseHint(text)) : l;
                        }
                        GroupQuery q = queryFor.apply(known);
                        Loaded l = new Loaded(known, q, library.groups(q, LIMIT), null);
                        return l.groups().isEmpty() && !text.isBlank() ? l.withCaseHint(caseHint(text)) : l;
                    } catch (InvalidQueryException e) {
                        Facets f = withFacets ? library.facets() : known;
                        return new Loaded(f, queryFor.apply(f), null, QueryProblem.of(e));
                    }
                })
                .onSuccess(loaded -> {
                    if (withFacets) {
                        facetsOwed = false;
                    }
                    // A reload after new data may wait for a hold; what the user asked for never does.
                    show(loaded.inBackground(reloadFacets));
                })
                .onFailure(this::showFailure)
                .onFinished(() -> {
                    if (backgroundLoad == number) {
                        backgroundLoad = 0;
                    }
                }));
    }

    private void show(Loaded loaded) {
        if (holdOrder.get() && loaded.background() && loaded.groups() != null && !groups.isEmpty()
                && !sameGroupsInSameOrder(loaded.groups())) {
            // Rows moving under the pointer make a click pick another group: keep them until calm.
            held = loaded;
            return;
        }
        held = null;
        Facets f = loaded.facets();
        facets.set(f);
        replaceKeepingChoice(hosts, f.hosts(), selectedHosts);
        replaceKeepingChoice(programs, f.programs(), selectedPrograms);
        replaceKeepingChoice(types, f.types(), selectedTypes);
        replaceKeepingChoice(languages, f.languages(), selectedLanguages);
        if (loaded.groups() == null) {
            // The list keeps the previous results; an empty one says that nothing was searched.
            showProblem(loaded.error());
            return;
        }
        List<GroupRow> list = withoutTicket.get()
                ? loaded.groups().stream().filter(r -> r.tickets() == 0).toList() : loaded.groups();
        queryError.set("");
        queryProblem.set(null);
        emptyListText.set(loaded.caseHint().isEmpty() ? NO_MATCH : NO_MATCH + "\n" + loaded.caseHint());
        replacing = true;
        try {
            query.set(loaded.query());
            if (sameGroupsInSameOrder(list)) {
                // While an import runs the list reloads with the same groups and new counts: replacing
                // only the rows that changed spares the table a relayout of every row.
                for (int i = 0; i < list.size(); i++) {
                    if (!groups.get(i).equals(list.get(i))) {
                        groups.set(i, list.get(i));
                    }
                }
            } else {
                groups.setAll(list);
            }
            reselect();
        } finally {
            replacing = false;
        }
        long total = list.stream().mapToLong(GroupRow::count).sum();
        summary.set(Formats.count(list.size(), "group") + ", " + Formats.count(total, "traceback")
                + (list.size() == LIMIT ? " (first " + Formats.count(LIMIT) + ")" : ""));
        listVersion.set(listVersion.get() + 1);
    }

    private boolean sameGroupsInSameOrder(List<GroupRow> list) {
        if (groups.size() != list.size()) {
            return false;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!groups.get(i).fingerprint().equals(list.get(i).fingerprint())) {
                return false;
            }
        }
        return true;
    }

    private void reselect() {
        GroupRow keep = groups.stream().filter(g -> g.fingerprint().equals(wantedFingerprint)).findFirst()
                .orElse(null);
        if (keep != null) {
            selected.set(keep);
            return;
        }
        autoSelecting = true;
        try {
            selected.set(groups.isEmpty() ? null : groups.getFirst());
        } finally {
            autoSelecting = false;
        }
    }

    private void showProblem(QueryProblem p) {
        queryProblem.set(p);
        queryError.set(p.message() + (groups.isEmpty() ? " Nothing was searched."
                : " The list shows the previous results."));
        emptyListText.set(NOT_SEARCHED);
    }

    private void showFailure(Exception e) {
        if (e instanceof InvalidQueryException iq) {
            showProblem(QueryProblem.of(iq));
        } else {
            queryError.set("The store could not answer: " + e.getMessage());
        }
    }

    /** Replaces the offered values; a chosen value the store no longer has is dropped from the choice. */
    private static void replaceKeepingChoice(ObservableList<String> target, List<String> values,
                                             ObservableList<String> chosen) {
        if (!target.equals(values)) {
            target.setAll(values);
            if (!values.isEmpty() && !values.containsAll(chosen)) {
                chosen.retainAll(values);
            }
        }
    }
}
