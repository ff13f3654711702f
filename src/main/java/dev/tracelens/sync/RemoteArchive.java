package dev.tracelens.sync;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One archive object as S3 listed it.
 *
 * @param key          full S3 key (untrusted: may hold anything S3 allows)
 * @param day          the {@code dt=} folder it was listed under
 * @param etag         ETag without quotes (MD5 of the content for single-part uploads)
 * @param size         size in bytes
 * @param lastModified when S3 last wrote it
 */
public record RemoteArchive(String key, LocalDate day, String etag, long size, Instant lastModified) {
}
