package dev.tracelens.store.opensearch;

import java.time.Instant;

/**
 * A worker's claim on one archive of a team index: a document {@code lease:<archive>} written with
 * {@code op_type=create} (only one worker can create it) and an expiry. A claim whose expiry has
 * passed (its worker crashed or hangs) is taken over by replacing the document under optimistic
 * concurrency control ({@code if_seq_no}/{@code if_primary_term}), so again only one worker wins.
 *
 * @param seqNo       the document version this worker wrote, for renewing and releasing it
 * @param primaryTerm likewise
 */
public record ArchiveLease(String archive, String owner, Instant expires, long seqNo, long primaryTerm) {
}
