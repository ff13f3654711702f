package dev.tracelens.store.opensearch;

import dev.tracelens.store.StoreException;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS SigV4 for Amazon OpenSearch Service: each request is signed by the AWS SDK's own
 * {@link AwsV4HttpSigner}, with credentials from the SDK's default chain (environment, profile,
 * container or instance role). Only the signature headers are handed to the REST client; the
 * credentials stay in the SDK's provider.
 */
final class AwsSigner {
    private final String region;
    private final String service;
    private final TeamIndexAddress address;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();

    AwsSigner(String region, String service, TeamIndexAddress address) {
        this.region = region;
        this.service = service;
        this.address = address;
    }

    /** The headers to add to this request (Authorization, X-Amz-Date, x-amz-content-sha256, a session token). */
    Map<String, List<String>> sign(String method, String endpoint, Map<String, String> params, String body) {
        AwsCredentialsIdentity identity;
        try {
            identity = credentials.resolveCredentials();
        } catch (RuntimeException e) {
            throw new StoreException("No AWS credentials to sign requests to the team index " + address
                    + " (the AWS SDK's default chain found none: set AWS_PROFILE or AWS_ACCESS_KEY_ID)");
        }
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(URI.create(address.scheme() + "://" + address.host() + ":" + address.port()
                        + address.pathPrefix() + endpoint))
                .putHeader("Host", address.host());
        params.forEach(request::appendRawQueryParameter);
        if (body != null) {
            request.putHeader("Content-Type", endpoint.endsWith("_bulk") ? "application/x-ndjson" : "application/json");
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true));
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        signed.request().headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Host") && !k.equalsIgnoreCase("Content-Type")) {
                out.put(k, v);
            }
        });
        return out;
    }
}
