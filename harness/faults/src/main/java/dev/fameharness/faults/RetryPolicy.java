package dev.fameharness.faults;

import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.faas.FunctionErrorException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A client-side retry policy in the shape of the AWS SDK for Java 2.x <em>standard</em> retry strategy: at most
 * {@code maxAttempts} attempts, and before attempt {@code n >= 2} a delay drawn uniformly ("full jitter") from
 * {@code [0, min(base * 2^(n-2), maxBackoff))} in whole milliseconds, where {@code base} is
 * {@code throttlingBaseDelay} for a throttling error and {@code baseDelay} for any other retryable error.
 *
 * <p>{@link #standard()} holds the SDK's defaults, read from the SDK this harness builds against (2.54.15,
 * {@code software.amazon.awssdk.retries.DefaultRetryStrategy.Standard}: {@code MAX_ATTEMPTS = 3},
 * {@code BASE_DELAY_V20 = 100 ms}, {@code THROTTLED_BASE_DELAY = 1 s}, {@code MAX_BACKOFF = 20 s}; the delay
 * formula from {@code ExponentialDelayWithJitter.computeDelay}) and documented in "Retry behavior", AWS SDKs and
 * Tools Reference Guide (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html: standard
 * mode makes three attempts) and "Configure retry behavior in the AWS SDK for Java 2.x"
 * (https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/retry-strategy.html). The DynamoDB client
 * overrides these; {@link #dynamoDbClient()} holds its values. The SDK's retry quota (token bucket) is not
 * modeled: at the fault rates the harness uses it never empties.
 *
 * @param maxAttempts         attempts including the first, at least 1
 * @param baseDelay           backoff base for retryable errors that are not throttling
 * @param throttlingBaseDelay backoff base for throttling errors ({@link #throttlingCodes})
 * @param maxBackoff          cap of the exponential bound
 * @param throttlingCodes     error codes treated as throttling
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration throttlingBaseDelay, Duration maxBackoff,
                          Set<String> throttlingCodes) {

    /**
     * The AWS SDK's throttling error codes ({@code software.amazon.awssdk.awscore.internal.AwsErrorCode
     * .THROTTLING_ERROR_CODES}, SDK 2.54.15), plus fame-llm's {@code RateLimit} (an HTTP 429, which the SDK also
     * treats as throttling by status code).
     */
    public static final Set<String> AWS_THROTTLING_CODES = Set.of("Throttling", "ThrottlingException",
            "ThrottledException", "ProvisionedThroughputExceededException", "SlowDown", "TooManyRequestsException",
            "RequestLimitExceeded", "BandwidthLimitExceeded", "RequestThrottled", "RequestThrottledException",
            "EC2ThrottledException", "TransactionInProgressException", "RateLimit");

    /** The Step Functions / SDK name of a Lambda Invoke API 500, which the SDK retries. */
    static final String LAMBDA_SERVICE_EXCEPTION = "Lambda.ServiceException";

    /** Exponents above this do not change anything (the SDK caps at 30 as well). */
    private static final int MAX_EXPONENT = 30;

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(throttlingBaseDelay, "throttlingBaseDelay");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        throttlingCodes = Set.copyOf(throttlingCodes);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative() || throttlingBaseDelay.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative: base " + baseDelay
                    + ", throttling base " + throttlingBaseDelay + ", max backoff " + maxBackoff);
        }
    }

    /** The AWS SDK for Java 2.x standard mode: 3 attempts, 100 ms base (1 s when throttled), 20 s cap. */
    public static RetryPolicy standard() {
        return new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(20),
                AWS_THROTTLING_CODES);
    }

    /**
     * What the SDK's DynamoDB client uses in standard mode (SDK 2.54.15,
     * {@code software.amazon.awssdk.services.dynamodb.DynamoDbRetryPolicy}): 9 attempts and a 25 ms base for
     * non-throttling errors; throttling errors keep the standard 1 s base; 20 s cap.
     */
    public static RetryPolicy dynamoDbClient() {
        return new RetryPolicy(9, Duration.ofMillis(25), Duration.ofSeconds(1), Duration.ofSeconds(20),
                AWS_THROTTLING_CODES);
    }

    /** One attempt, no retry. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, AWS_THROTTLING_CODES);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, throttlingBaseDelay, maxBackoff, throttlingCodes);
    }

    /**
     * True for failures a retry may cure: {@link RetriableException} (throttling, timeouts, lost connections), and
     * a {@link FunctionErrorException} of type {@code Lambda.ServiceException} (the Invoke API's 500, which the
     * SDK retries). A function's own error, a version conflict or a limit is never retried.
     */
    public boolean isRetryable(Throwable t) {
        if (t instanceof RetriableException) {
            return true;
        }
        return t instanceof FunctionErrorException fe && fe.isRetriable()
                && LAMBDA_SERVICE_EXCEPTION.equals(fe.errorType());
    }

    /** True when {@code t} is a throttling error (the longer backoff base applies). */
    public boolean isThrottling(Throwable t) {
        return t instanceof RetriableException r && throttlingCodes.contains(r.code());
    }

    /**
     * The upper bound (exclusive) of the delay before attempt {@code attempt} ({@code >= 2}):
     * {@code min(base * 2^(attempt-2), maxBackoff)}; zero for the first attempt.
     */
    public Duration backoffBound(int attempt, boolean throttling) {
        if (attempt < 2) {
            return Duration.ZERO;
        }
        Duration base = throttling ? throttlingBaseDelay : baseDelay;
        int exponent = Math.min(attempt - 2, MAX_EXPONENT);
        Duration bound = base.multipliedBy(1L << exponent);
        return bound.compareTo(maxBackoff) > 0 ? maxBackoff : bound;
    }

    /** The delay before attempt {@code attempt}: whole milliseconds uniform in [0, bound), drawn from {@code random}. */
    public Duration backoff(int attempt, boolean throttling, RandomGenerator random) {
        long boundMillis = backoffBound(attempt, throttling).toMillis();
        return boundMillis <= 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(boundMillis));
    }
}
