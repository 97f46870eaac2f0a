package dev.fameharness.platform.clock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.api.time.Clock;
import dev.fameharness.api.time.LatencyPart;
import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class ClockAttributionTest {

    @Test
    void should_split_a_known_composition_into_its_parts_with_a_joined_process_on_the_critical_path() {
        VirtualClock clock = new VirtualClock(3);

        SortedMap<String, Long> parts = clock.run("turn", () -> {
            clock.sleep(Duration.ofSeconds(100)); // before the turn: not part of it
            Duration start = clock.now();
            clock.sleep(Duration.ofMillis(400), LatencyPart.LLM_TTFT);
            clock.sleep(Duration.ofMillis(25), LatencyPart.ORCHESTRATION);
            Clock.Task<Void> slow = clock.spawn("tool", () -> {
                clock.sleep(Duration.ofMillis(3000), LatencyPart.TOOL);
                clock.sleep(Duration.ofMillis(12), LatencyPart.STATE_OBJECT);
                return null;
            });
            Clock.Task<Void> fast = clock.spawn("kv", () -> {
                clock.sleep(Duration.ofMillis(5), LatencyPart.STATE_KV);
                return null;
            });
            clock.sleep(Duration.ofMillis(1000), LatencyPart.LLM_DECODE);
            fast.join(); // already done: no wait
            slow.join(); // waits 2,012 ms of the tool's time
            clock.sleep(Duration.ofMillis(7)); // unbooked
            return clock.attribution(start);
        });

        assertThat(parts).containsExactlyInAnyOrderEntriesOf(Map.of(
                LatencyPart.LLM_TTFT, 400_000_000L,
                LatencyPart.ORCHESTRATION, 25_000_000L,
                LatencyPart.LLM_DECODE, 1_000_000_000L,
                LatencyPart.TOOL, 2_000_000_000L,
                LatencyPart.STATE_OBJECT, 12_000_000L,
                LatencyPart.OTHER, 7_000_000L));
        assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3_444_000_000L);
    }
}
