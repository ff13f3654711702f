package dev.tracelens.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the triage decisions are kept, keyed by fingerprint. {@link FileTriageBook} keeps them in
 * a small file in the store folder; a shared backend (a team's OpenSearch) can keep them beside
 * its documents behind the same interface. Implementations are thread-safe.
 */
public interface TriageBook {

    /** Every decision made, by fingerprint (groups never triaged are not in it). */
    Map<String, Triage> all();

    default Optional<Triage> get(String fingerprint) {
        return Optional.ofNullable(all().get(fingerprint));
    }

    /** Records a decision; {@link Triage.Status#OPEN} forgets the group's earlier one. */
    void set(Triage triage);

    /** A book in memory only, for a library opened on a store without a folder (tests, a remote store). */
    static TriageBook inMemory() {
        Map<String, Triage> map = new ConcurrentHashMap<>();
        return new TriageBook() {
            @Override
            public Map<String, Triage> all() {
                return Map.copyOf(map);
            }

            @Override
            public void set(Triage t) {
                if (t.status() == Triage.Status.OPEN) {
                    map.remove(t.fingerprint());
                } else {
                    map.put(t.fingerprint(), t);
                }
            }
        };
    }

    /** The state a group shows: its decision (open when none), and whether it came back after a resolution. */
    record Shown(Triage.Status status, boolean regressed, Instant mutedUntil) {
        public static final Shown OPEN = new Shown(Triage.Status.OPEN, false, null);

        /** "Resolved", "Regressed", "Ignored", "Muted until 2026-12-10 12:00", "" when open. */
        public String label() {
            if (regressed) {
                return "Regressed";
            }
            return switch (status) {
                case OPEN -> "";
                case RESOLVED -> "Resolved";
                case IGNORED -> "Ignored";
                case MUTED -> "Muted until " + mutedUntil.toString().substring(0, 16).replace('T', ' ');
            };
        }

        public static Shown of(Triage t, Instant lastSeen, Instant now) {
            if (t == null) {
                return OPEN;
            }
            Triage.Status s = t.effective(now);
            return new Shown(s, t.regressedBy(lastSeen), s == Triage.Status.MUTED ? t.mutedUntil() : null);
        }
    }
}
