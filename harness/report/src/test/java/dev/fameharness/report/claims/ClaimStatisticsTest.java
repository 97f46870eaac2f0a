package dev.fameharness.report.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.cost.CostModel;
import dev.fameharness.report.results.PresetPair;
import dev.fameharness.report.stats.ClusterBootstrap;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ClaimStatisticsTest {

    /** One turn: latency and tokens given; the session's arrival is 0 and the turn waited {@code queue} µs. */
    private static TurnRecord turn(String preset, long seed, String session, int t, String task, long latency,
                                   long queue, long tokens, boolean completed, int correct, double rougeL) {
        TreeMap<String, Double> units = new TreeMap<>(Map.of("llm.input_tokens", (double) tokens));
        return new TurnRecord(preset, seed, session, session + "/t" + t, task, 0L, queue, latency,
                completed ? TurnRecord.COMPLETED : TurnRecord.FAILED, completed ? "" : "timeout", "", 0, 0, tokens, 0,
                0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, rougeL, units, correct, new TreeMap<>());
    }

    /** fame is exactly twice as fast and uses a quarter of the tokens on "summarize", half on "compare". */
    private static List<TurnRecord> turns(int correct) {
        List<TurnRecord> out = new ArrayList<>();
        for (long seed : new long[] {1, 2}) {
            for (int s = 0; s < 6; s++) {
                String session = "s" + s;
                for (int t = 0; t < 3; t++) {
                    String task = t == 2 ? "compare" : "summarize";
                    long base = 1_000_000L * (1 + s + t);
                    long tokens = 1000L * (1 + t);
                    boolean baseCompleted = !(s == 5 && t == 2);
                    out.add(turn("stateless-payload", seed, session, t, task, base, 3 * base, tokens, baseCompleted,
                            correct, 0.2));
                    out.add(turn("fame", seed, session, t, task, base / 2, base, task.equals("compare") ? tokens / 2
                            : tokens / 4, true, correct, 0.25));
                }
            }
        }
        return out;
    }

    private static ClaimStatistics compute(List<TurnRecord> turns) {
        return ClaimStatistics.compute(turns, CostModel.withDefaultPrices(),
                List.of(new PresetPair("fame", "stateless-payload")), new ClusterBootstrap(400, 0.95, 5));
    }

    @Test
    void should_state_ratios_with_both_intervals_the_per_turn_spread_and_the_ratio_per_task() {
        ClaimComparison c = compute(turns(TurnRecord.NOT_SCORED)).comparison("fame", "stateless-payload")
                .orElseThrow();

        assertThat(c.pairs()).isEqualTo(36);
        assertThat(c.sessions()).isEqualTo(12);
        PairedMetric latency = c.metric("latency_median_ratio").orElseThrow();
        assertThat(latency.pairs()).isEqualTo(34);
        assertThat(latency.sessionLevel().orElseThrow().value()).isCloseTo(0.5, within(1e-12));
        assertThat(latency.sessionLevel().orElseThrow().low()).isCloseTo(0.5, within(1e-12));
        assertThat(latency.turnLevel()).isPresent();
        assertThat(latency.perTurn().orElseThrow().max()).isCloseTo(0.5, within(1e-12));
        assertThat(latency.byTask()).containsOnlyKeys("compare", "summarize");

        PairedMetric tokens = c.metric("input_tokens_ratio").orElseThrow();
        assertThat(tokens.byTask().get("summarize").value()).isCloseTo(0.25, within(1e-12));
        assertThat(tokens.byTask().get("compare").value()).isCloseTo(0.5, within(1e-12));
        assertThat(tokens.perTurn().orElseThrow().min()).isCloseTo(0.25, within(1e-12));
        assertThat(tokens.perTurn().orElseThrow().max()).isCloseTo(0.5, within(1e-12));

        // user-perceived latency: fame waited base, the baseline 3 base: (0.5 + 1) / (1 + 3) = 0.375 per turn
        assertThat(c.metric("user_latency_median_ratio").orElseThrow().sessionLevel().orElseThrow().value())
                .isCloseTo(0.375, within(1e-12));
        // the baseline failed 2 of 36 turns, fame none
        assertThat(c.metric("completion_difference").orElseThrow().sessionLevel().orElseThrow().value())
                .isCloseTo(2.0 / 36, within(1e-12));
        assertThat(c.metric("rouge_l_difference").orElseThrow().sessionLevel().orElseThrow().value())
                .isCloseTo(0.05, within(1e-12));
        assertThat(c.metric("correct_difference")).isEmpty();
    }

    @Test
    void should_compare_correctness_when_turns_are_scored() {
        ClaimComparison c = compute(turns(TurnRecord.CORRECT)).comparison("fame", "stateless-payload").orElseThrow();

        assertThat(c.metric("correct_difference").orElseThrow().sessionLevel().orElseThrow().value()).isEqualTo(0.0);
    }

    @Test
    void should_write_claims_json_with_session_and_turn_level_intervals() throws Exception {
        StringWriter out = new StringWriter();

        ClaimsJsonWriter.write(compute(turns(TurnRecord.NOT_SCORED)), out);

        JsonNode root = new ObjectMapper().readTree(out.toString());
        JsonNode m = root.path("comparisons").get(0).path("metrics");
        assertThat(root.path("bootstrap").path("resamples").asInt()).isEqualTo(400);
        assertThat(m.path("latency_median_ratio").path("value").asDouble()).isEqualTo(0.5);
        assertThat(m.path("latency_median_ratio").path("session_level").path("low").isNumber()).isTrue();
        assertThat(m.path("latency_median_ratio").path("turn_level").path("high").isNumber()).isTrue();
        assertThat(m.path("input_tokens_ratio").path("by_task").path("compare").path("value").asDouble())
                .isEqualTo(0.5);
        assertThat(m.path("input_tokens_ratio").path("per_turn").path("p90").asDouble()).isEqualTo(0.5);
        assertThat(m.has("correct_difference")).isFalse();
    }
}
