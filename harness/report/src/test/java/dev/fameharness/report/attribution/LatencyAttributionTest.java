package dev.fameharness.report.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.charts.ChartSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyAttributionTest {

    private static TurnRecord turn(String preset, String id, long queue, Map<String, Long> parts) {
        long latency = parts.values().stream().mapToLong(Long::longValue).sum();
        return new TurnRecord(preset, 1, "s", id, "summarize", 0, queue, latency, TurnRecord.COMPLETED, "", "", 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, new TreeMap<>(), TurnRecord.NOT_SCORED,
                new TreeMap<>(parts));
    }

    @Test
    void should_average_parts_and_state_the_overhead_share_when_turns_are_attributed() {
        List<TurnRecord> turns = List.of(
                turn("fame", "t1", 2000, Map.of("llm.decode", 6000L, "state.kv", 1000L, "orchestration", 1000L)),
                turn("fame", "t2", 0, Map.of("llm.decode", 8000L, "state.object", 2000L)),
                turn("oracle", "t1", 0, Map.of("llm.decode", 9000L, "orchestration", 1000L)));

        List<LatencyAttribution> a = LatencyAttribution.of(turns);

        LatencyAttribution fame = a.get(0);
        assertThat(fame.attributedTurns()).isEqualTo(2);
        assertThat(fame.meanLatencyMs()).isCloseTo(9.0, within(1e-12));
        assertThat(fame.meanQueueMs()).isCloseTo(1.0, within(1e-12));
        assertThat(fame.meanPartMs().get("state.object")).isCloseTo(1.0, within(1e-12));
        assertThat(fame.overheadShare()).isCloseTo(2.0 / 9.0, within(1e-12));
        assertThat(fame.orderedParts()).containsExactly("llm.decode", "state.kv", "state.object", "orchestration");
        assertThat(a.get(1).overheadShare()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void should_say_missing_and_draw_no_chart_when_no_turn_is_attributed(@TempDir Path dir) throws Exception {
        List<TurnRecord> turns = List.of(turn("fame", "t1", 0, Map.of()));

        List<Path> written = AttributionOutputs.write(LatencyAttribution.of(turns), dir, ChartSize.DEFAULT);

        assertThat(written).containsExactly(dir.resolve(AttributionOutputs.JSON_FILE));
        JsonNode json = new ObjectMapper().readTree(dir.resolve(AttributionOutputs.JSON_FILE).toFile());
        assertThat(json.path("presets").get(0).path("attributed_turns").asInt()).isZero();
        assertThat(json.path("presets").get(0).has("mean_part_ms")).isFalse();
    }

    @Test
    void should_draw_the_stacked_chart_when_turns_are_attributed(@TempDir Path dir) throws Exception {
        List<TurnRecord> turns = List.of(turn("fame", "t1", 5, Map.of("tool", 3000L, "llm.ttft", 400L)));

        AttributionOutputs.write(LatencyAttribution.of(turns), dir, ChartSize.DEFAULT);

        assertThat(Files.size(dir.resolve(AttributionOutputs.CHART_FILE))).isGreaterThan(1000);
    }
}
