package dev.tracelens.sync;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Answers the s3proxy server cannot give (it has no regions and no IAM): the SDK's own exception
 * objects as S3 produces them, turned into sentences.
 */
class S3ErrorsTest {
    private static final SyncSettings AWS = new SyncSettings("logs", null, "us-east-1", null, null);

    private static S3Exception s3(int status, String code, String regionHeader) {
        SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(status);
        if (regionHeader != null) {
            http.putHeader("x-amz-bucket-region", regionHeader);
        }
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("msg").sdkHttpResponse(http.build()).build())
                .build();
    }

    @Test
    void wrongRegionNamesTheRightOne() {
        assertEquals("Bucket logs is not in region us-east-1 but in eu-west-1; use --region eu-west-1 (PermanentRedirect)",
                S3Errors.describe(s3(301, "PermanentRedirect", "eu-west-1"), AWS));
        assertEquals("Bucket logs is not in region us-east-1; use --region with the bucket's region (AuthorizationHeaderMalformed)",
                S3Errors.describe(s3(400, "AuthorizationHeaderMalformed", null), AWS));
        assertEquals("Bucket logs is not in region us-east-1; use --region eu-central-1 (HTTP 301)",
                S3Errors.describe(s3(301, "HTTP 301", "eu-central-1"), AWS));
    }

    @Test
    void accessThrottlingAndServerErrorsAreNamed() {
        assertEquals("Access denied to bucket logs (AccessDenied); the credentials need s3:ListBucket and s3:GetObject on it",
                S3Errors.describe(s3(403, "AccessDenied", null), AWS));
        assertEquals("S3 kept throttling the requests (SlowDown, HTTP 503) after all retries; try again later",
                S3Errors.describe(s3(503, "SlowDown", null), AWS));
        assertEquals("S3 failed with HTTP 500 (InternalError) after all retries",
                S3Errors.describe(s3(500, "InternalError", null), AWS));
        assertEquals("S3 refused the credentials (ExpiredToken) for bucket logs; check --profile or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY",
                S3Errors.describe(s3(400, "ExpiredToken", null), AWS));
    }

    @Test
    void missingCredentialsAreExplained() {
        SdkClientException e = SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        assertEquals("No AWS credentials found; set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or use --profile",
                S3Errors.describe(e, AWS));
        assertEquals("No usable credentials in AWS profile 'prod' (~/.aws/credentials, ~/.aws/config); check --profile",
                S3Errors.describe(e, new SyncSettings("logs", null, "us-east-1", "prod", null)));
    }
}
