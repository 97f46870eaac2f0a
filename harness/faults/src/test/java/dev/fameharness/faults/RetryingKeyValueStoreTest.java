package dev.fameharness.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.metering.Event;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.api.store.VersionConflictException;
import dev.fameharness.platform.clock.VirtualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RetryingKeyValueStoreTest {

    private static final byte[] OURS = "ours".getBytes(StandardCharsets.UTF_8);
    private static final byte[] THEIRS = "theirs".getBytes(StandardCharsets.UTF_8);
    private static final Pattern BACKOFF = Pattern.compile("backoff (\\d+) ms");

    static RetriableException throttle() {
        return new RetriableException("ProvisionedThroughputExceededException", "throttled");
    }

    static List<Long> backoffsMillis(RecordingEvents events) {
        List<Long> ms = new ArrayList<>();
        for (Event.Note n : events.notes(Retrier.NOTE_SUBJECT)) {
            Matcher m = BACKOFF.matcher(n.text());
            if (m.find()) {
                ms.add(Long.parseLong(m.group(1)));
            }
        }
        return ms;
    }

    @Test
    void should_recover_with_backoffs_inside_the_full_jitter_bounds_when_throttled_twice() {
        // given
        VirtualClock clock = new VirtualClock(5);
        RecordingEvents events = new RecordingEvents();
        FlakyKeyValueStore flaky = new FlakyKeyValueStore(new InMemoryKeyValueStore("dynamodb"));
        flaky.failures.add(throttle());
        flaky.failures.add(throttle());

        // when
        Duration elapsed = clock.run("retry", () -> {
            RetryingKeyValueStore store = new RetryingKeyValueStore(flaky,
                    new Retrier(RetryPolicy.standard(), clock, events));
            assertThat(store.put("k", OURS, null)).isEqualTo(1);
            return clock.now();
        });

        // then
        assertThat(flaky.writeAttempts).isEqualTo(3);
        List<Long> backoffs = backoffsMillis(events);
        assertThat(backoffs).hasSize(2);
        assertThat(backoffs.get(0)).as("before attempt 2: [0, 1 s) for throttling").isBetween(0L, 999L);
        assertThat(backoffs.get(1)).as("before attempt 3: [0, 2 s)").isBetween(0L, 1999L);
        assertThat(elapsed).as("the backoffs passed in virtual time")
                .isEqualTo(Duration.ofMillis(backoffs.get(0) + backoffs.get(1)));
    }

    @Test
    void should_give_up_after_max_attempts_with_the_last_retriable_exception() {
        // given
        VirtualClock clock = new VirtualClock(5);
        RecordingEvents events = new RecordingEvents();
        FlakyKeyValueStore flaky = new FlakyKeyValueStore(new InMemoryKeyValueStore("dynamodb"));
        RetriableException last = new RetriableException("ThrottlingException", "third");
        flaky.failures.add(throttle());
        flaky.failures.add(throttle());
        flaky.failures.add(last);
        Retrier retrier = new Retrier(RetryPolicy.standard(), clock, events);

        // when / then
        clock.run("retry", () -> {
            RetryingKeyValueStore store = new RetryingKeyValueStore(flaky, retrier);
            assertThatThrownBy(() -> store.put("k", OURS, null)).isSameAs(last);
            return null;
        });
        assertThat(flaky.writeAttempts).isEqualTo(3);
        assertThat(retrier.retries()).isEqualTo(2);
        assertThat(retrier.exhausted()).isEqualTo(1);
        assertThat(events.notes(Retrier.NOTE_SUBJECT)).last()
                .satisfies(n -> assertThat(n.text()).isEqualTo("dynamodb.put k gave up after 3 attempts: "
                        + "ThrottlingException"));
    }

    @Test
    void should_give_the_same_backoffs_when_the_seed_is_the_same_and_different_ones_otherwise() {
        assertThat(backoffsWithSeed(77)).isEqualTo(backoffsWithSeed(77)).isNotEqualTo(backoffsWithSeed(78));
    }

    private static List<Long> backoffsWithSeed(long seed) {
        VirtualClock clock = new VirtualClock(seed);
        RecordingEvents events = new RecordingEvents();
        clock.run("retry", () -> {
            FaultInjector faults = new FaultInjector(FaultPlan.only(FaultKind.STORE_THROTTLE, 0.3), clock,
                    EventSink.NONE);
            RetryingKeyValueStore store = new RetryingKeyValueStore(
                    new FaultyKeyValueStore(new InMemoryKeyValueStore("dynamodb"), faults),
                    new Retrier(RetryPolicy.standard().withMaxAttempts(10), clock, events));
            for (int i = 0; i < 50; i++) {
                store.put("k" + i, OURS, null);
            }
            return null;
        });
        return backoffsMillis(events);
    }

    @Test
    void should_rethrow_a_conflict_at_once_without_a_read_when_it_is_the_first_attempt() {
        // given
        VirtualClock clock = new VirtualClock(5);
        InMemoryKeyValueStore real = new InMemoryKeyValueStore("dynamodb");
        real.put("k", THEIRS, null);
        int getsBefore = real.gets;

        // when / then
        Duration elapsed = clock.run("retry", () -> {
            RetryingKeyValueStore store = new RetryingKeyValueStore(real,
                    new Retrier(RetryPolicy.standard(), clock, EventSink.NONE));
            assertThatThrownBy(() -> store.putIfVersion("k", OURS, 0, null))
                    .isInstanceOf(VersionConflictException.class);
            return clock.now();
        });
        assertThat(real.gets).isEqualTo(getsBefore);
        assertThat(elapsed).isZero();
    }

    @Test
    void should_report_success_once_when_a_retry_conflicts_with_its_own_ambiguous_earlier_write() {
        // given: the first attempt commits, then the connection drops before the answer arrives
        VirtualClock clock = new VirtualClock(5);
        InMemoryKeyValueStore real = new InMemoryKeyValueStore("dynamodb");
        real.put("k", THEIRS, null);
        FlakyKeyValueStore flaky = new FlakyKeyValueStore(real);
        flaky.applyBeforeFailing = true;
        flaky.failures.add(new RetriableException("RequestTimeout", "timed out after the write"));

        // when
        long version = clock.run("retry", () -> new RetryingKeyValueStore(flaky,
                new Retrier(RetryPolicy.standard(), clock, EventSink.NONE)).putIfVersion("k", OURS, 1, null));

        // then: applied exactly once
        assertThat(version).isEqualTo(2);
        assertThat(flaky.writeAttempts).isEqualTo(2);
        assertThat(real.get("k")).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.value()).isEqualTo(OURS);
        });
    }

    @Test
    void should_keep_the_conflict_when_another_writer_won_after_an_ambiguous_failure() {
        // given: our write commits, the answer is lost, then another writer replaces it
        VirtualClock clock = new VirtualClock(5);
        InMemoryKeyValueStore real = new InMemoryKeyValueStore("dynamodb");
        real.put("k", THEIRS, null);
        FlakyKeyValueStore flaky = new FlakyKeyValueStore(real);
        flaky.applyBeforeFailing = true;
        flaky.afterAmbiguousWrite = () -> real.put("k", THEIRS, null);
        flaky.failures.add(new RetriableException("RedisConnectionLost", "connection lost"));

        // when / then
        clock.run("retry", () -> {
            RetryingKeyValueStore store = new RetryingKeyValueStore(flaky,
                    new Retrier(RetryPolicy.standard(), clock, EventSink.NONE));
            assertThatThrownBy(() -> store.putIfVersion("k", OURS, 1, null))
                    .isInstanceOf(VersionConflictException.class);
            return null;
        });
        assertThat(real.get("k")).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(3));
    }

    @Test
    void should_never_double_apply_a_conditional_put_when_retrying_injected_throttles() {
        // given: a counter incremented by optimistic conditional puts through throttles at 30%
        VirtualClock clock = new VirtualClock(13);
        InMemoryKeyValueStore real = new InMemoryKeyValueStore("dynamodb");
        Retrier retrier = new Retrier(RetryPolicy.standard(), clock, EventSink.NONE);

        // when
        int[] outcome = clock.run("retry", () -> {
            FaultInjector faults = new FaultInjector(FaultPlan.only(FaultKind.STORE_THROTTLE, 0.3), clock,
                    EventSink.NONE);
            RetryingKeyValueStore store = new RetryingKeyValueStore(new FaultyKeyValueStore(real, faults), retrier);
            int succeeded = 0;
            int gaveUp = 0;
            long expected = 0;
            for (int i = 0; i < 500; i++) {
                try {
                    expected = store.putIfVersion("counter", Long.toString(i).getBytes(StandardCharsets.UTF_8),
                            expected, null);
                    succeeded++;
                } catch (RetriableException e) {
                    gaveUp++;
                }
            }
            return new int[] {succeeded, gaveUp};
        });

        // then: every success moved the version by exactly one; every give-up left no trace
        assertThat(real.get("counter")).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(outcome[0]));
        assertThat(outcome[1]).isEqualTo(retrier.exhausted());
        assertThat(outcome[0] + outcome[1]).isEqualTo(500);
        assertThat(outcome[1]).as("0.3^3 * 500 = 13.5 expected give-ups").isBetween(3, 30);
    }

    @Test
    void should_leave_no_trace_of_a_put_that_gave_up_when_throttles_persist() {
        // given
        VirtualClock clock = new VirtualClock(17);
        InMemoryKeyValueStore real = new InMemoryKeyValueStore("redis");
        Retrier retrier = new Retrier(RetryPolicy.standard(), clock, EventSink.NONE);

        // when
        List<String> failed = clock.run("retry", () -> {
            FaultInjector faults = new FaultInjector(FaultPlan.only(FaultKind.STORE_THROTTLE, 0.2), clock,
                    EventSink.NONE);
            RetryingKeyValueStore store = new RetryingKeyValueStore(new FaultyKeyValueStore(real, faults), retrier);
            List<String> lost = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                try {
                    store.put("k" + i, OURS, null);
                } catch (RetriableException e) {
                    assertThat(e.code()).isEqualTo("RedisConnectionLost");
                    lost.add("k" + i);
                }
            }
            return lost;
        });

        // then
        assertThat(failed).hasSize((int) retrier.exhausted()).isNotEmpty();
        for (int i = 0; i < 2_000; i++) {
            assertThat(real.get("k" + i).isPresent()).as("k" + i).isEqualTo(!failed.contains("k" + i));
        }
    }
}
