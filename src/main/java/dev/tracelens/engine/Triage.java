package dev.tracelens.engine;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What a person decided about a group, as in Sentry: resolved (fixed; it should not come back),
 * ignored (not worth looking at), or muted until a date (quiet for now); {@link Status#OPEN}
 * when nothing was decided or a mute has run out.
 *
 * @param at              when the decision was made (wall clock)
 * @param resolvedThrough for a resolution: the newest occurrence known when it was made (the
 *                        group's last seen; the decision time when unknown). An occurrence after
 *                        it is a regression: the bug came back. Log time, so resolving a group of
 *                        an old archive works the same as one of today's logs.
 * @param mutedUntil      for a mute: when it ends (wall clock)
 */
public record Triage(String fingerprint, Status status, Instant at, Instant resolvedThrough, Instant mutedUntil) {

    /** The decisions. */
    public enum Status {
        OPEN, RESOLVED, IGNORED, MUTED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Triage {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        if (status == Status.MUTED && mutedUntil == null) {
            throw new IllegalArgumentException("a mute needs its end");
        }
        if (status == Status.RESOLVED && resolvedThrough == null) {
            resolvedThrough = at;
        }
    }

    public static Triage open(String fingerprint, Instant at) {
        return new Triage(fingerprint, Status.OPEN, at, null, null);
    }

    public static Triage resolved(String fingerprint, Instant at, Instant lastSeen) {
        return new Triage(fingerprint, Status.RESOLVED, at, lastSeen, null);
    }

    public static Triage ignored(String fingerprint, Instant at) {
        return new Triage(fingerprint, Status.IGNORED, at, null, null);
    }

    public static Triage muted(String fingerprint, Instant at, Instant until) {
        return new Triage(fingerprint, Status.MUTED, at, null, until);
    }

    /** The status in force at {@code now}: a mute that has run out is open again. */
    public Status effective(Instant now) {
        return status == Status.MUTED && !now.isBefore(mutedUntil) ? Status.OPEN : status;
    }

    /** Whether a resolved group occurred after its resolution ({@code lastSeen} being its newest occurrence). */
    public boolean regressedBy(Instant lastSeen) {
        return status == Status.RESOLVED && lastSeen != null && lastSeen.isAfter(resolvedThrough);
    }
}
