package dev.fameharness.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.error.FameException;
import dev.fameharness.api.error.LimitExceededException;
import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.faas.FunctionErrorException;
import dev.fameharness.api.faas.FunctionTimeoutException;
import dev.fameharness.api.store.VersionConflictException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy standard = RetryPolicy.standard();

    @Test
    void should_hold_the_aws_sdk_standard_mode_defaults() {
        assertThat(standard.maxAttempts()).isEqualTo(3);
        assertThat(standard.baseDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(standard.throttlingBaseDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(standard.maxBackoff()).isEqualTo(Duration.ofSeconds(20));
        assertThat(RetryPolicy.dynamoDbClient().maxAttempts()).isEqualTo(9);
        assertThat(RetryPolicy.dynamoDbClient().baseDelay()).isEqualTo(Duration.ofMillis(25));
    }

    @Test
    void should_double_the_bound_per_attempt_up_to_the_cap() {
        assertThat(standard.backoffBound(1, false)).isZero();
        assertThat(standard.backoffBound(2, false)).isEqualTo(Duration.ofMillis(100));
        assertThat(standard.backoffBound(3, false)).isEqualTo(Duration.ofMillis(200));
        assertThat(standard.backoffBound(2, true)).isEqualTo(Duration.ofSeconds(1));
        assertThat(standard.backoffBound(3, true)).isEqualTo(Duration.ofSeconds(2));
        assertThat(standard.backoffBound(7, true)).isEqualTo(Duration.ofSeconds(20));
        assertThat(standard.backoffBound(1_000, false)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void should_draw_delays_over_the_whole_full_jitter_range_when_backing_off() {
        // given
        SplittableRandom random = new SplittableRandom(9);
        long min = Long.MAX_VALUE;
        long max = 0;
        long sum = 0;
        int n = 10_000;

        // when
        for (int i = 0; i < n; i++) {
            long ms = standard.backoff(3, true, random).toMillis();
            min = Math.min(min, ms);
            max = Math.max(max, ms);
            sum += ms;
        }

        // then: uniform on [0, 2000) ms, not "equal jitter" [1000, 2000)
        assertThat(min).isBetween(0L, 20L);
        assertThat(max).isBetween(1980L, 1999L);
        assertThat(sum / (double) n).isBetween(950.0, 1050.0);
    }

    @Test
    void should_retry_only_transient_failures() {
        assertThat(standard.isRetryable(new RetriableException("SlowDown", "x"))).isTrue();
        assertThat(standard.isRetryable(new FunctionErrorException("f", "Lambda.ServiceException", "x", true, null)))
                .isTrue();
        assertThat(standard.isRetryable(new FunctionErrorException("f", "Lambda.Unknown", "x", false, null)))
                .isFalse();
        assertThat(standard.isRetryable(new FunctionErrorException("f", "RetriableException", "x", true, null)))
                .as("a handler's own error is the function's answer, not a transport failure").isFalse();
        assertThat(standard.isRetryable(new FunctionTimeoutException("f", Duration.ofSeconds(3), "x"))).isFalse();
        assertThat(standard.isRetryable(new VersionConflictException("k", 1, "x"))).isFalse();
        assertThat(standard.isRetryable(new LimitExceededException("dynamodb.item_size", 1, 2, "x"))).isFalse();
        assertThat(standard.isRetryable(new FameException("x"))).isFalse();
    }

    @Test
    void should_treat_throttling_codes_as_throttling_and_others_not() {
        for (String code : new String[] {"ProvisionedThroughputExceededException", "ThrottlingException", "SlowDown",
                "TooManyRequestsException", "RateLimit"}) {
            assertThat(standard.isThrottling(new RetriableException(code, "x"))).as(code).isTrue();
        }
        for (String code : new String[] {"RedisConnectionLost", "Timeout", "RequestTimeout", "ConnectionError"}) {
            assertThat(standard.isThrottling(new RetriableException(code, "x"))).as(code).isFalse();
        }
    }
}
