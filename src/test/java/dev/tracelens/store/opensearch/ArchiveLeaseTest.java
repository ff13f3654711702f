package dev.tracelens.store.opensearch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lease documents on a real node: one claim wins, a live claim is respected, an expired one is taken over once. */
@ExtendWith(OpenSearchNodeExtension.class)
class ArchiveLeaseTest {

    @Test
    void oneWorkerWinsAndAnExpiredClaimIsTakenOverOnce(OpenSearchNode node) {
        TeamIndexAddress address = TeamIndexAddress.parse(node.indexUrl("leases"));
        try (OpenSearchTracebackIndex a = OpenSearchTracebackIndex.open(address, TeamIndexCredentials.none());
             OpenSearchTracebackIndex b = OpenSearchTracebackIndex.open(address, TeamIndexCredentials.none())) {
            Instant now = Instant.parse("2026-12-03T12:00:00Z");
            Duration ttl = Duration.ofMinutes(10);
            Optional<ArchiveLease> first = a.claim("2026-11-20-03.tsv.gz", "worker-a", ttl, now);
            assertTrue(first.isPresent());
            assertTrue(b.claim("2026-11-20-03.tsv.gz", "worker-b", ttl, now.plusSeconds(60)).isEmpty(), "held by a");

            // worker-a died: after the expiry b takes over, and a third claimant racing with the same view loses.
            Instant later = now.plus(ttl).plusSeconds(1);
            Optional<ArchiveLease> taken = b.claim("2026-11-20-03.tsv.gz", "worker-b", ttl, later);
            assertTrue(taken.isPresent());
            assertEquals("worker-b", taken.get().owner());
            assertTrue(a.renew(first.get(), ttl, later).isEmpty(), "a's old lease cannot be renewed once taken over");
            assertTrue(a.claim("2026-11-20-03.tsv.gz", "worker-a", ttl, later).isEmpty());

            Optional<ArchiveLease> renewed = b.renew(taken.get(), ttl, later.plusSeconds(300));
            assertTrue(renewed.isPresent());
            a.release(first.get()); // stale: leaves b's lease alone
            assertTrue(a.claim("2026-11-20-03.tsv.gz", "worker-a", ttl, later.plusSeconds(301)).isEmpty());
            b.release(renewed.get());
            assertTrue(a.claim("2026-11-20-03.tsv.gz", "worker-a", ttl, later.plusSeconds(302)).isPresent(), "free again");
            assertEquals(0, a.tracebackCount(), "leases are not tracebacks");
            assertTrue(a.archives().isEmpty(), "nor archives");
        }
    }
}
