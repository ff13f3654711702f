package dev.tracelens.ui.grouping;

import dev.tracelens.engine.GroupingService;
import dev.tracelens.engine.GroupingService.RuleState;
import dev.tracelens.engine.TracebackLibrary;
import dev.tracelens.ui.task.BackgroundTask;
import dev.tracelens.ui.task.TaskExecutor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Merge, split and undo on the groups list (issue 14): each becomes a grouping rule through the
 * engine, which regroups the store at once; then the groups are reloaded. Says what happened in
 * {@link #statusProperty()} (a rule that matched nothing is said so).
 */
public final class GroupingViewModel {
    private final TracebackLibrary library;
    private final TaskExecutor executor;
    private final Runnable reload;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public GroupingViewModel(TracebackLibrary library, TaskExecutor executor, Runnable reload) {
        this.library = Objects.requireNonNull(library);
        this.executor = Objects.requireNonNull(executor);
        this.reload = Objects.requireNonNull(reload);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public boolean available() {
        return library.grouping().isPresent();
    }

    /** The groups' tracebacks go into the first group. */
    public void merge(List<String> fingerprints) {
        if (fingerprints.size() < 2) {
            status.set("Select two or more groups to merge.");
            return;
        }
        run(g -> Optional.of(g.merge(fingerprints)), "Merged " + fingerprints.size() + " groups", "");
    }

    /** {@code by}: host, program, frame or message (the last two with a pattern). */
    public void split(String fingerprint, String by, String pattern) {
        run(g -> Optional.of(g.split(fingerprint, by, pattern)), "Split the group by " + by, "");
    }

    public void undo() {
        run(GroupingService::undo, "Undid the last grouping change", "Nothing to undo.");
    }

    private void run(Function<GroupingService, Optional<List<RuleState>>> action, String done, String nothing) {
        Optional<GroupingService> grouping = library.grouping();
        if (grouping.isEmpty()) {
            status.set("This store cannot be regrouped (opened read-only).");
            return;
        }
        executor.execute(BackgroundTask.of(() -> action.apply(grouping.get()))
                .onSuccess(rules -> {
                    if (rules.isEmpty()) {
                        status.set(nothing);
                        return;
                    }
                    List<RuleState> now = rules.get();
                    String last = now.isEmpty() ? "" : now.getLast().matchesNothing()
                            ? " (rule " + now.getLast().rule().id() + " matches nothing)" : "";
                    status.set(done + "; " + now.size() + " grouping rule(s) in force" + last + ".");
                    reload.run();
                })
                .onFailure(e -> status.set("Could not change the grouping: " + e.getMessage())));
    }
}
