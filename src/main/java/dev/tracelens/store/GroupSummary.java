package dev.tracelens.store;

import java.time.Instant;
import java.util.List;

/**
 * One group (fingerprint) under a filter: how often and when it occurred, where, and its latest
 * occurrence as the representative.
 *
 * @param messageSample         first line of the representative's message (at most 200 chars)
 * @param representativeFirstId key of the latest occurrence under the filter
 */
public record GroupSummary(String fingerprint, String exceptionType, String messageSample, long count,
                           Instant firstSeen, Instant lastSeen, List<String> hosts, List<String> programs,
                           long representativeFirstId) {
    public GroupSummary {
        hosts = List.copyOf(hosts);
        programs = List.copyOf(programs);
    }
}
