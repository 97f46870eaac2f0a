package dev.fameharness.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.RetriableException;
import dev.fameharness.api.metering.EventSink;
import dev.fameharness.platform.clock.VirtualClock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultyObjectStoreTest {

    @Test
    void should_throttle_at_the_configured_rate_with_slowdown_when_p_is_five_percent() {
        // given
        VirtualClock clock = new VirtualClock(12);
        InMemoryObjectStore real = new InMemoryObjectStore();

        // when
        int throttled = clock.run("s3", () -> {
            FaultyObjectStore store = new FaultyObjectStore(real,
                    new FaultInjector(FaultPlan.only(FaultKind.STORE_THROTTLE, 0.05), clock, EventSink.NONE));
            int n = 0;
            for (int i = 0; i < 10_000; i++) {
                try {
                    store.put("a/" + i, new byte[] {1}, Map.of());
                } catch (RetriableException e) {
                    assertThat(e.code()).isEqualTo("SlowDown");
                    assertThat(real.contains("a/" + i)).as("a throttled put has no effect").isFalse();
                    n++;
                }
            }
            return n;
        });

        // then
        assertThat(throttled).isBetween(400, 600);
        assertThat(real.requests).isEqualTo(10_000 - throttled);
    }

    @Test
    void should_throttle_every_operation_before_the_store_when_p_is_one() {
        VirtualClock clock = new VirtualClock(1);
        InMemoryObjectStore real = new InMemoryObjectStore();
        clock.run("s3", () -> {
            FaultyObjectStore store = new FaultyObjectStore(real,
                    new FaultInjector(FaultPlan.only(FaultKind.STORE_THROTTLE, 1.0), clock, EventSink.NONE));
            assertThatThrownBy(() -> store.put("k", new byte[] {1})).isInstanceOf(RetriableException.class);
            assertThatThrownBy(() -> store.get("k")).isInstanceOf(RetriableException.class);
            assertThatThrownBy(() -> store.getRange("k", 0, 1)).isInstanceOf(RetriableException.class);
            assertThatThrownBy(() -> store.head("k")).isInstanceOf(RetriableException.class);
            assertThatThrownBy(() -> store.delete("k")).isInstanceOf(RetriableException.class);
            assertThatThrownBy(() -> store.list("")).isInstanceOf(RetriableException.class);
            return null;
        });
        assertThat(real.requests).isZero();
    }
}
