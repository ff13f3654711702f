package dev.tracelens.engine;

import java.util.Locale;

/** Which groups the list shows by their triage state. */
public enum TriageFilter {
    ANY("Any status"),
    /** Needs a look: never triaged, a mute that ran out, or resolved and back again. */
    OPEN("Open"),
    REGRESSED("Regressed"),
    RESOLVED("Resolved"),
    IGNORED("Ignored"),
    MUTED("Muted");

    private final String label;

    TriageFilter(String label) {
        this.label = label;
    }

    public boolean accepts(TriageBook.Shown s) {
        return switch (this) {
            case ANY -> true;
            case OPEN -> s.regressed() || s.status() == Triage.Status.OPEN;
            case REGRESSED -> s.regressed();
            case RESOLVED -> s.status() == Triage.Status.RESOLVED && !s.regressed();
            case IGNORED -> s.status() == Triage.Status.IGNORED;
            case MUTED -> s.status() == Triage.Status.MUTED;
        };
    }

    /** As the command line spells it: any, open, regressed, resolved, ignored, muted. */
    public static TriageFilter parse(String word) {
        return valueOf(word.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return label;
    }
}
