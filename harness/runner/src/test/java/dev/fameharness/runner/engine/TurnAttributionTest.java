package dev.fameharness.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.report.cost.PriceBook;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TurnAttributionTest {

    @Test
    void should_round_parts_to_microseconds_that_sum_exactly_to_the_turn_latency() {
        // 1,000,400 + 2,000,700 + 999,900 ns = 4,001,000 ns; the turn measured 4,001 us
        TreeMap<String, Long> nanos = new TreeMap<>(Map.of("llm.ttft", 1_000_400L, "tool", 2_000_700L,
                "state.kv", 999_900L));

        var micros = TurnAttribution.micros(nanos, 4_001);

        // floors 1,000 + 2,000 + 999 = 3,999; the 2 us left go to the largest fractions (900, then 700)
        assertThat(micros).containsExactlyInAnyOrderEntriesOf(Map.of("llm.ttft", 1_000L, "tool", 2_001L,
                "state.kv", 1_000L));
        // a turn whose truncated start and end make its latency 1 us shorter than the span
        assertThat(TurnAttribution.micros(nanos, 3_998).values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(3_998);
    }

    @Test
    void should_convert_byte_microseconds_to_priced_gb_months() {
        PriceBook prices = PriceBook.loadDefault();
        double gbMonthMicros = prices.bytesPerGb() * prices.hoursPerMonth() * 3.6e9;

        var units = TurnAttribution.storageUnits(Map.of("dynamodb", gbMonthMicros / 4, "s3", 2 * gbMonthMicros), prices);

        assertThat(units).containsEntry("dynamodb.storage_gb_month", 0.25).containsEntry("s3.storage_gb_month", 2.0);
    }
}
