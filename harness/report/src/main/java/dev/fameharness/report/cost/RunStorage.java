package dev.fameharness.report.cost;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a run kept stored and for how long, for the time-based part of its cost (priced per GB-month or
 * GB-hour, not per request). {@code redisPeakBytes} is empty when the preset has no Redis cache (no
 * ElastiCache charge at all) and present, even as 0, when it has one (then the 1 GB minimum applies).
 *
 * @param dynamodbBytes  bytes held in DynamoDB tables (e.g. the table size at the end of the run)
 * @param s3Bytes        bytes held in S3 buckets
 * @param redisPeakBytes peak Redis memory ({@code INFO memory used_memory_peak}), if the preset uses Redis
 * @param duration       how long the data was held: the run's duration
 */
public record RunStorage(long dynamodbBytes, long s3Bytes, OptionalLong redisPeakBytes, Duration duration) {

    public RunStorage {
        Objects.requireNonNull(redisPeakBytes, "redisPeakBytes");
        Objects.requireNonNull(duration, "duration");
        if (dynamodbBytes < 0 || s3Bytes < 0 || redisPeakBytes.orElse(0) < 0 || duration.isNegative()) {
            throw new IllegalArgumentException("storage sizes and duration must be >= 0");
        }
    }

    /** Nothing stored. */
    public static final RunStorage NONE = new RunStorage(0, 0, OptionalLong.empty(), Duration.ZERO);

    /** Only a Redis cache with this peak memory over {@code duration}. */
    public static RunStorage redis(long peakBytes, Duration duration) {
        return new RunStorage(0, 0, OptionalLong.of(peakBytes), duration);
    }
}
