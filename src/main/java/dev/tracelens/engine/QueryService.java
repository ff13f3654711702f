package dev.tracelens.engine;

import dev.tracelens.store.BucketSize;
import dev.tracelens.store.GroupList;
import dev.tracelens.store.GroupSort;
import dev.tracelens.store.HistoricalReflection;
import dev.tracelens.store.History;
import dev.tracelens.store.StoreFilter;
import dev.tracelens.store.TracebackIndex;
import dev.tracelens.traceback.Traceback;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The questions that take more than one store call: an occurrence by whatever the user has at
 * hand (a row id or a fingerprint), and a group's history with its historical reflection.
 */
public final class QueryService {
    private static final Pattern ID = Pattern.compile("\\d{1,19}");

    private final TracebackIndex store;

    public QueryService(TracebackIndex store) {
        this.store = store;
    }

    /**
     * The occurrence whose first or last row has the Papertrail id {@code key}, else the latest
     * occurrence of the group whose fingerprint is {@code key}.
     */
    public Optional<Traceback> find(String key) {
        if (ID.matcher(key).matches()) {
            try {
                Optional<Traceback> byId = store.occurrenceByAnyId(Long.parseLong(key));
                if (byId.isPresent()) {
                    return byId;
                }
            } catch (NumberFormatException tooBig) {
                // Not a Papertrail id (they are signed 64-bit); maybe a fingerprint.
            }
        }
        return store.latest(key);
    }

    /**
     * A group over time under the filter, and the historical reflection of its representative
     * (its latest occurrence under the filter).
     *
     * @param reflection null when the group has no occurrence under the filter
     */
    public record GroupHistory(History history, HistoricalReflection reflection) {
    }

    /** @param maxIds at most this many ids of the reflection, oldest first */
    public GroupHistory history(String fingerprint, StoreFilter filter, BucketSize size, int maxIds) {
        History history = store.history(fingerprint, filter, size);
        GroupList group = store.groups(filter.withFingerprint(fingerprint), GroupSort.COUNT, 1);
        HistoricalReflection reflection = group.groups().isEmpty() ? null
                : store.reflection(group.groups().getFirst().representativeFirstId(), maxIds).orElse(null);
        return new GroupHistory(history, reflection);
    }
}
