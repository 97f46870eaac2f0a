package dev.fameharness.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Settings of an {@link AslWorkflowEngine}; defaults in {@link #DEFAULTS}.
 *
 * @param region           region used to build execution and state machine ARNs in the context object
 * @param account          account id used in those ARNs
 * @param payloadLimitBytes maximum UTF-8 size of a state's input, output and task result; Step Functions'
 *                         quota is 262,144 bytes (256 KiB)
 * @param executionTimeout an execution running longer fails with {@code States.Timeout}; the definition's
 *                         own top-level {@code TimeoutSeconds}, when smaller, wins. Standard workflows
 *                         run for at most one year.
 * @param epoch            the wall-clock instant that clock time zero stands for; timestamps in the
 *                         context object ({@code $$.Execution.StartTime}) and Wait {@code Timestamp}
 *                         fields are read against it
 */
public record AslOptions(String region, String account, int payloadLimitBytes, Duration executionTimeout,
                         Instant epoch) {

    /** Step Functions' state payload quota: 256 KiB of UTF-8 JSON. */
    public static final int STATE_PAYLOAD_LIMIT_BYTES = 262_144;

    /** Standard workflows: maximum execution duration of one year. */
    public static final Duration STANDARD_MAX_DURATION = Duration.ofDays(365);

    public static final AslOptions DEFAULTS = new AslOptions("us-east-1", "123456789012",
            STATE_PAYLOAD_LIMIT_BYTES, STANDARD_MAX_DURATION, Instant.parse("2026-01-01T00:00:00Z"));

    public AslOptions {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(executionTimeout, "executionTimeout");
        Objects.requireNonNull(epoch, "epoch");
        if (payloadLimitBytes <= 0) {
            throw new IllegalArgumentException("payloadLimitBytes must be > 0, was " + payloadLimitBytes);
        }
        if (executionTimeout.isNegative() || executionTimeout.isZero()) {
            throw new IllegalArgumentException("executionTimeout must be > 0, was " + executionTimeout);
        }
    }

    public AslOptions withExecutionTimeout(Duration timeout) {
        return new AslOptions(region, account, payloadLimitBytes, timeout, epoch);
    }

    public AslOptions withPayloadLimitBytes(int limit) {
        return new AslOptions(region, account, limit, executionTimeout, epoch);
    }
}
