package dev.fameharness.storage;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the AWS SDK v2 sync clients the stores use: the JDK URLConnection transport for DynamoDB, Apache
 * HttpClient 5 for S3 (with URLConnection a pooled connection that S3Proxy had closed after an 8 MB transfer
 * failed the next PUT with "Error writing request body to server"; Apache checks pooled connections), static
 * credentials,
 * and the SDK's own retries OFF ({@code AwsRetryStrategy.doNotRetry()}), because
 * retrying is the harness's job and every retry must be visible in the event stream.
 */
public final class AwsClients {

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(BackendConfig config) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(http(config.requestTimeout()))
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .overrideConfiguration(noRetries(config.requestTimeout()));
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Path-style S3 client; checksums only where the API requires them (S3-compatible servers vary). */
    public static S3Client s3(BackendConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(config.requestTimeout()))
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(transportRetriesOnly())
                        .apiCallTimeout(config.requestTimeout())
                        .build());
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Set {@code FAME_AWS_CREDENTIALS=default} to sign with the SDK's default chain (on Lambda: the role's keys). */
    public static final String CREDENTIALS_ENV = "FAME_AWS_CREDENTIALS";

    /**
     * The config's static keys (local servers, LocalStack), or the SDK's default provider chain when the
     * environment says {@code FAME_AWS_CREDENTIALS=default}: a deployed function signs with its execution role's
     * temporary credentials, which static keys cannot carry.
     */
    static software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials(BackendConfig config) {
        if ("default".equals(System.getenv(CREDENTIALS_ENV))) {
            return software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey(), config.secretKey()));
    }

    private static UrlConnectionHttpClient.Builder http(Duration timeout) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(timeout);
    }

    /**
     * S3 requests are idempotent (PUT, GET, HEAD, DELETE of a key), so a local transport failure (a pooled
     * connection the local S3 server had closed: seen about once in a few thousand requests, which made two
     * runs with the same seed differ) is retried at once, up to 3 attempts. That failure is an artefact of
     * running on a local server, not AWS behaviour, and no billable request completed. Service errors
     * (throttling, 5xx) are never retried here: those are the harness's to retry, visibly.
     */
    static software.amazon.awssdk.retries.api.RetryStrategy transportRetriesOnly() {
        return software.amazon.awssdk.retries.DefaultRetryStrategy.standardStrategyBuilder()
                .maxAttempts(3)
                .retryOnException(AwsClients::isTransportFailure)
                .backoffStrategy(software.amazon.awssdk.retries.api.BackoffStrategy.retryImmediately())
                .circuitBreakerEnabled(false)
                .build();
    }

    static boolean isTransportFailure(Throwable t) {
        if (t instanceof software.amazon.awssdk.core.exception.SdkServiceException) {
            return false;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The harness exception for a service error: retriable when the service's code says so (throttling, slow
     * down) or the status is 5xx, otherwise a plain failure naming the code.
     */
    public static dev.fameharness.api.error.FameException serviceFailure(String where, String code, String message,
            int status, java.util.Set<String> retriableCodes, Throwable cause) {
        if (code != null && (retriableCodes.contains(code) || status >= 500)) {
            return new dev.fameharness.api.error.RetriableException(code, where + " failed: " + message, cause);
        }
        return new dev.fameharness.api.error.FameException(where + " failed with " + code + ": " + message, cause);
    }

    /** The harness exception for an SDK failure that is not a service error: timeouts and unreachable servers are retriable. */
    public static dev.fameharness.api.error.FameException clientFailure(String where,
            software.amazon.awssdk.core.exception.SdkException e) {
        if (e instanceof software.amazon.awssdk.core.exception.ApiCallTimeoutException
                || e instanceof software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException) {
            return new dev.fameharness.api.error.RetriableException("RequestTimeout", where + " timed out: " + e.getMessage(), e);
        }
        if (e instanceof software.amazon.awssdk.core.exception.SdkClientException) {
            return new dev.fameharness.api.error.RetriableException("ConnectionError",
                    where + " could not reach the server: " + e.getMessage(), e);
        }
        return new dev.fameharness.api.error.FameException(where + " failed: " + e.getMessage(), e);
    }

    private static ClientOverrideConfiguration noRetries(Duration timeout) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(timeout)
                .build();
    }
}
