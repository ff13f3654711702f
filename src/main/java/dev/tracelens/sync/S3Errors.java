package dev.tracelens.sync;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Turns SDK exceptions into one sentence a user can act on. The SDK's own messages are long and
 * carry request ids; users need to know whether to fix the profile, the bucket, the region or the
 * network. Messages are built only from error codes, the bucket, the region and the endpoint, so
 * no credential can leak into them.
 */
public final class S3Errors {
    private S3Errors() {
    }

    /** One sentence describing {@code error} for the given settings. */
    public static String describe(Throwable error, SyncSettings settings) {
        String bucket = settings.bucket();
        String where = settings.endpoint() != null ? settings.endpoint() : "S3";
        if (error instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() != null && s.awsErrorDetails().errorCode() != null
                    ? s.awsErrorDetails().errorCode() : "HTTP " + s.statusCode();
            int status = s.statusCode();
            switch (code) {
                case "NoSuchBucket":
                    return "Bucket " + bucket + " does not exist at " + where + " (NoSuchBucket); check --bucket";
                case "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken",
                     "TokenRefreshRequired", "InvalidClientTokenId":
                    return where + " refused the credentials (" + code + ") for bucket " + bucket
                            + "; check --profile or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY";
                case "AccessDenied":
                    return "Access denied to bucket " + bucket + " (AccessDenied); the credentials need"
                            + " s3:ListBucket and s3:GetObject on it";
                case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException":
                    return "Bucket " + bucket + " is not in region " + S3ClientFactory.region(settings).id()
                            + bucketRegion(s).map(r -> " but in " + r + "; use --region " + r)
                                    .orElse("; use --region with the bucket's region")
                            + " (" + code + ")";
                case "NoSuchKey":
                    return "The archive no longer exists in bucket " + bucket + " (NoSuchKey)";
                case "PreconditionFailed":
                    return "The archive changed while it was downloaded (PreconditionFailed); sync again";
                case "SlowDown":
                    return where + " kept throttling the requests (SlowDown, HTTP " + status
                            + ") after all retries; try again later";
                default:
                    if (status == 301 || status == 307) {
                        return "Bucket " + bucket + " is not in region " + S3ClientFactory.region(settings).id()
                                + bucketRegion(s).map(r -> "; use --region " + r).orElse("; use --region")
                                + " (HTTP " + status + ")";
                    }
                    if (status == 403) {
                        return where + " refused access to bucket " + bucket + " (" + code + ", HTTP 403)";
                    }
                    if (status >= 500) {
                        return where + " failed with HTTP " + status + " (" + code + ") after all retries";
                    }
                    return where + " answered " + code + " (HTTP " + status + ") for bucket " + bucket;
            }
        }
        Throwable root = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "Cannot resolve the host of " + where + " (" + t.getMessage() + "); check the network or --endpoint";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "Cannot connect to " + where + " (" + t.getClass().getSimpleName()
                        + "); check the network or --endpoint";
            }
            if (t instanceof SocketTimeoutException) {
                return where + " did not answer in time; check the network";
            }
            root = t;
        }
        if (error instanceof SdkClientException c) {
            String m = String.valueOf(c.getMessage());
            if (m.contains("Unable to load credentials") || m.contains("credentials")) {
                return settings.profile() != null
                        ? "No usable credentials in AWS profile '" + settings.profile()
                                + "' (~/.aws/credentials, ~/.aws/config); check --profile"
                        : "No AWS credentials found; set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or use --profile";
            }
            if (m.contains("profile")) {
                return "AWS profile '" + settings.profile() + "' is not usable; check ~/.aws/config and --profile";
            }
        }
        if (root instanceof IOException) {
            return "Network error talking to " + where + " (" + root.getClass().getSimpleName() + ": "
                    + root.getMessage() + ")";
        }
        return "Sync failed talking to " + where + " (" + root.getClass().getSimpleName() + ")";
    }

    private static Optional<String> bucketRegion(AwsServiceException s) {
        if (s.awsErrorDetails() == null || s.awsErrorDetails().sdkHttpResponse() == null) {
            return Optional.empty();
        }
        return s.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region");
    }
}
