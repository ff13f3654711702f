package dev.tracelens.sync;

import java.time.Duration;

/**
 * Tuning of a sync run.
 *
 * @param parallelism    archives downloaded at once (bounded: S3 throttles per prefix, and the
 *                       import in the caller's thread is the real bottleneck anyway)
 * @param maxAttempts    attempts per request for the SDK's standard retry strategy, and per archive
 *                       for resuming a body that was cut off mid-download
 * @param retryBaseDelay base of the exponential backoff (null: the SDK's defaults)
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    socket read timeout, so a stalled connection fails instead of hanging
 */
public record SyncOptions(int parallelism, int maxAttempts, Duration retryBaseDelay,
                          Duration connectTimeout, Duration readTimeout) {

    public SyncOptions {
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("parallelism must be 1..64, was " + parallelism);
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1..20, was " + maxAttempts);
        }
    }

    /** Four downloads at once, five attempts, SDK backoff, 10 s connect and 60 s read timeouts. */
    public static SyncOptions defaults() {
        return new SyncOptions(4, 5, null, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    public SyncOptions withParallelism(int n) {
        return new SyncOptions(n, maxAttempts, retryBaseDelay, connectTimeout, readTimeout);
    }

    public SyncOptions withMaxAttempts(int n) {
        return new SyncOptions(parallelism, n, retryBaseDelay, connectTimeout, readTimeout);
    }

    public SyncOptions withRetryBaseDelay(Duration d) {
        return new SyncOptions(parallelism, maxAttempts, d, connectTimeout, readTimeout);
    }

    /** Delay before resume attempt {@code attempt} (1-based) of a cut-off body. */
    Duration resumeDelay(int attempt) {
        Duration base = retryBaseDelay != null ? retryBaseDelay : Duration.ofMillis(100);
        long ms = Math.min(20_000, base.toMillis() << Math.min(attempt - 1, 10));
        return Duration.ofMillis(ms);
    }
}
