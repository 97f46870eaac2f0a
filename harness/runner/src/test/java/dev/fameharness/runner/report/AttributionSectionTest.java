package dev.fameharness.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.attribution.AttributionOutputs;
import dev.fameharness.report.attribution.LatencyAttribution;
import dev.fameharness.report.charts.ChartSize;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Where the time goes": the table and FAME's overhead against the oracle, or "missing" without a split. */
class AttributionSectionTest {

    private static TurnRecord turn(String preset, Map<String, Long> parts) {
        long latency = parts.values().stream().mapToLong(Long::longValue).sum();
        return new TurnRecord(preset, 1, "s", "t1", "summarize", 0, 0, latency, TurnRecord.COMPLETED, "", "", 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, new TreeMap<>(), TurnRecord.NOT_SCORED, new TreeMap<>(parts));
    }

    @Test
    void should_compare_fame_overhead_with_the_oracle_when_turns_are_attributed(@TempDir Path run) throws Exception {
        AttributionOutputs.write(LatencyAttribution.of(List.of(
                turn("fame", Map.of("llm.decode", 8_000_000L, "state.kv", 1_000_000L, "orchestration", 1_000_000L)),
                turn("oracle", Map.of("llm.decode", 8_000_000L, "orchestration", 500_000L)))), run, ChartSize.DEFAULT);
        StringBuilder md = new StringBuilder();

        AttributionSection.write(md, run, p -> p.getFileName().toString());

        assertThat(md.toString()).contains("| fame | 1 | 10000 | 8000 | 1000 | 1000 | 0 | 20.0% |")
                .contains("FAME's own overhead (state I/O + orchestration) is 20.0% of its mean turn (2000 of 10000 ms)")
                .contains("spends 5.9% (500 ms)").contains("costs 1500 ms per turn beyond the lower bound")
                .contains("![latency parts](latency-parts.png)");
    }

    @Test
    void should_say_missing_not_zero_when_no_turn_has_a_split(@TempDir Path run) throws Exception {
        AttributionOutputs.write(LatencyAttribution.of(List.of(turn("fame", Map.of()))), run, ChartSize.DEFAULT);
        StringBuilder md = new StringBuilder();

        AttributionSection.write(md, run, p -> "run");

        assertThat(md.toString()).contains("**missing**").contains("not zero time").doesNotContain("| fame |");
    }
}
