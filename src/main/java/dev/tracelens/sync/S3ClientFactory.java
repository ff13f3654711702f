package dev.tracelens.sync;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.time.Duration;

/**
 * Builds the S3 client for a sync: the SDK's standard retry strategy (throttling, 5xx and dropped
 * connections are retried with backoff), the JDK-based url-connection HTTP client (fewest jars),
 * path-style access when an endpoint is given (S3-compatible stores rarely do virtual hosts).
 */
public final class S3ClientFactory {
    private S3ClientFactory() {
    }

    /** A client with credentials from {@code --profile} or else the SDK's default chain. */
    public static S3Client create(SyncSettings settings, SyncOptions options) {
        AwsCredentialsProvider credentials = settings.profile() != null
                ? ProfileCredentialsProvider.builder().profileName(settings.profile()).build()
                : DefaultCredentialsProvider.builder().build();
        return create(settings, options, credentials);
    }

    /** A client with the given credentials provider (used by tests and the benchmark). */
    public static S3Client create(SyncSettings settings, SyncOptions options, AwsCredentialsProvider credentials) {
        StandardRetryStrategy.Builder retry = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(options.maxAttempts());
        if (options.retryBaseDelay() != null) {
            Duration base = options.retryBaseDelay();
            retry.backoffStrategy(BackoffStrategy.exponentialDelay(base, base.multipliedBy(50)))
                    .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(base, base.multipliedBy(50)));
        }
        var builder = S3Client.builder()
                .region(region(settings))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(options.connectTimeout())
                        .socketTimeout(options.readTimeout()))
                .overrideConfiguration(o -> o.retryStrategy(retry.build()));
        if (settings.endpoint() != null) {
            builder.endpointOverride(URI.create(settings.endpoint())).forcePathStyle(true);
        }
        return builder.build();
    }

    /** The configured region, else the SDK's region chain, else us-east-1 (fine for most S3-compatible stores). */
    static Region region(SyncSettings settings) {
        if (settings.region() != null) {
            return Region.of(settings.region());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            return Region.US_EAST_1;
        }
    }
}
