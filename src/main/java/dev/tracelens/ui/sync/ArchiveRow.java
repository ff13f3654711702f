package dev.tracelens.ui.sync;

import java.time.LocalDate;

/**
 * One archive of the range as the Sync dialog lists it.
 *
 * @param status NEW, CHANGED, SYNCED, FAILED or UNREADABLE (an earlier sync could not read it and it is
 *               unchanged: not read again) as planned; SYNCED once this run handed it to the import
 * @param reason why it failed (one sentence), else empty
 */
public record ArchiveRow(String key, LocalDate day, long size, Status status, String reason) {
    public enum Status { NEW, CHANGED, SYNCED, FAILED, UNREADABLE }

    public ArchiveRow {
        reason = reason == null ? "" : reason;
    }

    ArchiveRow with(Status s, String why) {
        return new ArchiveRow(key, day, size, s, why);
    }
}
