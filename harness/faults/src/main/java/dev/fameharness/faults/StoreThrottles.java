package dev.fameharness.faults;

import dev.fameharness.api.error.RetriableException;

/**
 * The error each back end returns when it throttles a request, with the code the harness's stores use for the
 * real thing (fame-storage maps SDK and Lettuce failures to {@link RetriableException}s with these codes).
 */
final class StoreThrottles {

    /** DynamoDB's throttling error (provisioned throughput or, in both capacity modes, a hot key range). */
    static final String DYNAMODB_CODE = "ProvisionedThroughputExceededException";
    /** S3's 503 "reduce your request rate". */
    static final String S3_CODE = "SlowDown";
    /** Redis has no throttling reply; an overloaded node shows up as a dropped connection. */
    static final String REDIS_CODE = "RedisConnectionLost";
    /** Any other back end: the generic AWS throttling code. */
    static final String OTHER_CODE = "ThrottlingException";

    private StoreThrottles() {
    }

    static String code(String backend) {
        return switch (backend) {
            case "dynamodb" -> DYNAMODB_CODE;
            case "s3" -> S3_CODE;
            case "redis" -> REDIS_CODE;
            default -> OTHER_CODE;
        };
    }

    static RetriableException exception(String backend, String op, String key) {
        String where = backend + " " + op + (key.isEmpty() ? "" : " of '" + key + "'");
        String message = switch (backend) {
            case "dynamodb" -> where + " failed: The request was denied due to request throttling "
                    + "(ProvisionedThroughputExceededException, injected fault)";
            case "s3" -> where + " failed: Please reduce your request rate. (HTTP 503 SlowDown, injected fault)";
            case "redis" -> where + " failed: connection lost (injected fault)";
            default -> where + " failed: Rate exceeded (ThrottlingException, injected fault)";
        };
        return new RetriableException(code(backend), message);
    }
}
