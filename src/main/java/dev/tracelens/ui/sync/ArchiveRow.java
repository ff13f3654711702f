package dev.tracelens.ui.sync;

import java.time.LocalDate;

/**
 * One archive of the range as the Sync dialog lists it.
 *
 * @param status NEW, CHANGED, SYNCED, FAILED or UNREADABLE (an earlier sync could not read it and it is
 *               unchanged: not read again) as planned; SYNCED once this run handed it to the import
 * @param reason why it failed (one sentence), else empty
 * @param format how the key is read, as {@code sync --list} shows it: the prefix's forced format
 *               ({@code jsonl}), or {@code auto:text} once a synced file's bytes said, else {@code auto}
 */
public record ArchiveRow(String key, LocalDate day, long size, Status status, String reason, String format) {
    public enum Status { NEW, CHANGED, SYNCED, FAILED, UNREADABLE }

    public ArchiveRow {
        reason = reason == null ? "" : reason;
        format = format == null ? "auto" : format;
    }

    public ArchiveRow(String key, LocalDate day, long size, Status status, String reason) {
        this(key, day, size, status, reason, null);
    }

    ArchiveRow with(Status s, String why) {
        return new ArchiveRow(key, day, size, s, why, format);
    }

    ArchiveRow withFormat(String f) {
        return new ArchiveRow(key, day, size, status, reason, f);
    }
}
