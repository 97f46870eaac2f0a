package dev.fameharness.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.platform.clock.VirtualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultyKeyValueStoreTest {

    private static final byte[] V = "v".getBytes(StandardCharsets.UTF_8);

    @Test
    void should_throttle_at_the_configured_rate_with_dynamodbs_code_when_p_is_five_percent() {
        // given
        VirtualClock clock = new VirtualClock(11);
        InMemoryKeyValueStore real = new InMemoryKeyValueStore("dynamodb");

        // when
        int[] throttled = clock.run("kv", () -> {
            FaultInjector faults = new FaultInjector(FaultPlan.only(FaultKind.STORE_THROTTLE, 0.05), clock,
                    EventSink.NONE);
            FaultyKeyValueStore store = new FaultyKeyValueStore(real, faults);
            int n = 0;
            for (int i = 0; i < 10_000; i++) {
                try {
                    store.get("k" + i);
                } catch (RetriableException e) {
                    assertThat(e.code()).isEqualTo("ProvisionedThroughputExceededException");
                    n++;
                }
            }
            assertThat(faults.log().injected(FaultKind.STORE_THROTTLE)).isEqualTo(n);
            return new int[] {n};
        });

        // then
        assertThat(throttled[0]).isBetween(400, 600);
        assertThat(real.gets).isEqualTo(10_000 - throttled[0]);
    }

    @Test
    void should_leave_the_store_untouched_when_a_write_is_throttled() {
        // given
        VirtualClock clock = new VirtualClock(1);
        InMemoryKeyValueStore real = new InMemoryKeyValueStore("dynamodb");
        real.put("k", V, null);
        int before = real.requests();

        clock.run("kv", () -> {
            FaultyKeyValueStore store = new FaultyKeyValueStore(real,
                    new FaultInjector(FaultPlan.only(FaultKind.STORE_THROTTLE, 1.0), clock, EventSink.NONE));

            // when / then
            assertThatThrownBy(() -> store.put("k", "new".getBytes(StandardCharsets.UTF_8), Duration.ZERO))
                    .isInstanceOf(RetriableException.class);
            assertThatThrownBy(() -> store.putIfVersion("k", "new".getBytes(StandardCharsets.UTF_8), 1, null))
                    .isInstanceOf(RetriableException.class);
            assertThatThrownBy(() -> store.delete("k")).isInstanceOf(RetriableException.class);
            return null;
        });
        assertThat(real.requests()).isEqualTo(before);
        assertThat(real.get("k")).hasValueSatisfying(v -> {
            assertThat(v.value()).isEqualTo(V);
            assertThat(v.version()).isEqualTo(1);
        });
    }

    @Test
    void should_report_a_lost_connection_when_the_backend_is_redis() {
        VirtualClock clock = new VirtualClock(1);
        clock.run("kv", () -> {
            FaultyKeyValueStore store = new FaultyKeyValueStore(new InMemoryKeyValueStore("redis"),
                    new FaultInjector(FaultPlan.only(FaultKind.STORE_THROTTLE, 1.0), clock, EventSink.NONE));
            assertThatThrownBy(() -> store.get("k")).isInstanceOfSatisfying(RetriableException.class,
                    e -> assertThat(e.code()).isEqualTo("RedisConnectionLost"));
            return null;
        });
    }

    @Test
    void should_pass_every_request_through_when_p_is_zero() {
        VirtualClock clock = new VirtualClock(1);
        InMemoryKeyValueStore real = new InMemoryKeyValueStore("dynamodb");
        clock.run("kv", () -> {
            FaultyKeyValueStore store = new FaultyKeyValueStore(real,
                    new FaultInjector(FaultPlan.NONE, clock, EventSink.NONE));
            for (int i = 0; i < 1_000; i++) {
                store.put("k" + i, V, null);
            }
            return null;
        });
        assertThat(real.writes).isEqualTo(1_000);
    }

    @Test
    void should_note_backend_operation_and_key_when_throttling() {
        VirtualClock clock = new VirtualClock(1);
        RecordingEvents events = new RecordingEvents();
        clock.run("kv", () -> {
            FaultyKeyValueStore store = new FaultyKeyValueStore(new InMemoryKeyValueStore("dynamodb"),
                    new FaultInjector(FaultPlan.only(FaultKind.STORE_THROTTLE, 1.0), clock, events));
            assertThatThrownBy(() -> store.put("session/1", V, null)).isInstanceOf(RetriableException.class);
            return null;
        });
        assertThat(events.notes("fault")).extracting(n -> n.text())
                .containsExactly("store_throttle dynamodb.put session/1");
    }
}
