package dev.tracelens.sync;

/**
 * An archive that could not be synced after the retries, with a one-sentence reason.
 *
 * @param key    the S3 key
 * @param reason why, fit to show to a user (never contains credentials)
 */
public record FailedArchive(String key, String reason) {
}
