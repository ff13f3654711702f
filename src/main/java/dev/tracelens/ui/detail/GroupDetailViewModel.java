package dev.tracelens.ui.detail;

import dev.tracelens.traceback.Traceback;
import dev.tracelens.engine.GroupDetail;
import dev.tracelens.engine.GroupQuery;
import dev.tracelens.engine.GroupRow;
import dev.tracelens.engine.Occurrence;
import dev.tracelens.engine.TracebackLibrary;
import dev.tracelens.ui.task.BackgroundTask;
import dev.tracelens.ui.task.TaskExecutor;
import dev.tracelens.ui.task.TaskHandle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The selected group: its detail (counts, hosts, history, "seen before") and its occurrences;
 * and the selected occurrence, loaded in full with its context. Loads run in the background;
 * a newer selection cancels an older load.
 */
public final class GroupDetailViewModel {
    public static final int OCCURRENCE_LIMIT = 500;
    /** Occurrences listed under the traceback in "Copy as Markdown". */
    public static final int MARKDOWN_OCCURRENCES = 5;

    private final TracebackLibrary library;
    private final TaskExecutor executor;

    private final ReadOnlyObjectWrapper<GroupDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Occurrence> occurrences = FXCollections.observableArrayList();
    private final ObjectProperty<Occurrence> selectedOccurrence = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Traceback> traceback = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private GroupQuery query = GroupQuery.ALL;
    private TaskHandle detailLoad;
    private TaskHandle tracebackLoad;

    public GroupDetailViewModel(TracebackLibrary library, TaskExecutor executor) {
        this.library = Objects.requireNonNull(library);
        this.executor = Objects.requireNonNull(executor);
        selectedOccurrence.addListener((o, a, b) -> loadTraceback(b));
    }

    public ReadOnlyObjectProperty<GroupDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Newest first. */
    public ObservableList<Occurrence> occurrences() {
        return occurrences;
    }

    public ObjectProperty<Occurrence> selectedOccurrenceProperty() {
        return selectedOccurrence;
    }

    /** The selected occurrence in full, with its context; null while none. */
    public ReadOnlyObjectProperty<Traceback> tracebackProperty() {
        return traceback.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Shows {@code group} under {@code query} (null clears the pane). */
    public void show(GroupRow group, GroupQuery query) {
        if (detailLoad != null) {
            detailLoad.cancel();
        }
        this.query = query == null ? GroupQuery.ALL : query;
        if (group == null) {
            detail.set(null);
            occurrences.clear();
            selectedOccurrence.set(null);
            return;
        }
        // A refresh of the same group keeps the occurrence being read; another group starts at its newest.
        boolean sameGroup = detail.get() != null && detail.get().group().fingerprint().equals(group.fingerprint());

        detailLoad = executor.execute(BackgroundTask.of(
                        () -> library.detail(group.fingerprint(), query, OCCURRENCE_LIMIT).orElse(null))
                .onSuccess(d -> {
                    error.set("");
                    detail.set(d);
                    if (d == null) {
                        occurrences.clear();
                        selectedOccurrence.set(null);
                        return;
                    }
                    // Read now, not when the load started: the user may have picked another meanwhile.
                    long keep = !sameGroup || selectedOccurrence.get() == null ? -1 : selectedOccurrence.get().id();
                    if (!occurrences.equals(d.occurrences())) {
                        occurrences.setAll(d.occurrences()); // an unchanged list would still relayout the table
                    }
                    selectedOccurrence.set(d.occurrences().stream().filter(o -> o.id() == keep).findFirst()
                            .orElse(d.occurrences().isEmpty() ? null : d.occurrences().getFirst()));
                })
                .onFailure(e -> error.set("Could not load the group: " + e.getMessage())));
    }

    /**
     * The selected group as the report's Markdown, for an issue: its facts, the selected
     * occurrence in full with its context, and its newest occurrences. Hands the text to
     * {@code onReady} on the UI thread; nothing happens while no occurrence is selected.
     */
    public void markdown(boolean jira, Consumer<String> onReady) {
        GroupDetail d = detail.get();
        Occurrence o = selectedOccurrence.get();
        if (d == null || o == null) {
            return;
        }
        String fingerprint = d.group().fingerprint();
        GroupQuery q = query;
        executor.execute(BackgroundTask.of(
                        () -> library.groupMarkdown(fingerprint, o.id(), q, MARKDOWN_OCCURRENCES, jira).orElse(null))
                .onSuccess(md -> {
                    if (md != null) {
                        onReady.accept(md);
                    }
                })
                .onFailure(e -> error.set("Could not make the Markdown: " + e.getMessage())));
    }

    /** Selects the next (older) occurrence; the {@code n} key. */
    public void next() {
        step(1);
    }

    /** Selects the previous (newer) occurrence; the {@code p} key. */
    public void previous() {
        step(-1);
    }

    private void step(int delta) {
        if (occurrences.isEmpty()) {
            return;
        }
        int i = occurrences.indexOf(selectedOccurrence.get());
        int j = i < 0 ? 0 : Math.clamp(i + delta, 0, occurrences.size() - 1);
        selectedOccurrence.set(occurrences.get(j));
    }

    private void loadTraceback(Occurrence o) {
        if (tracebackLoad != null) {
            tracebackLoad.cancel();
        }
        if (o == null) {
            traceback.set(null);
            return;
        }
        tracebackLoad = executor.execute(BackgroundTask.of(() -> library.occurrence(o.id()).orElse(null))
                .onSuccess(traceback::set)
                .onFailure(e -> error.set("Could not load the traceback: " + e.getMessage())));
    }
}
