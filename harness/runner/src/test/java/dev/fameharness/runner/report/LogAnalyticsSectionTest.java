package dev.fameharness.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The log-analytics section of REPORT.md and the accuracy check of the CI regression comparison. */
class LogAnalyticsSectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode preset(String name, double completion, double accuracy, String failures) throws Exception {
        return JSON.readTree("{\"preset\":\"" + name + "\",\"turns\":20,\"completion_rate\":" + completion
                + ",\"failures_by_reason\":" + failures + ",\"accuracy\":" + accuracy
                + ",\"latency_ms\":{\"p50\":1500.5,\"p95\":2000},\"tokens\":{\"all\":{\"input_total\":1234,\"output_total\":50}},"
                + "\"cost_usd\":{\"total\":{\"total\":0.25}}}");
    }

    private static JsonNode summary(double fameAccuracy) throws Exception {
        var root = JSON.createObjectNode();
        root.putArray("presets").add(preset("fame", 1.0, fameAccuracy, "{}"))
                .add(preset("stateless-payload", 0.4, 0.3, "{\"state-payload-limit\":12}"));
        root.putArray("comparisons").add(JSON.readTree("{\"candidate\":\"fame\",\"baseline\":\"stateless-payload\",\"pairs\":20,\"latency_pairs\":8,"
                + "\"latency_median_ratio\":{\"value\":0.25,\"low\":0.2,\"high\":0.5},"
                + "\"input_tokens_ratio\":{\"value\":0.05,\"low\":0.04,\"high\":0.08},"
                + "\"cost_ratio\":{\"value\":0.1,\"low\":0.05,\"high\":0.2}}"));
        return root;
    }

    @Test
    void should_write_the_claims_and_every_preset_with_accuracy_and_failure_reasons() throws Exception {
        StringBuilder md = new StringBuilder();
        JsonNode info = JSON.readTree("{\"scenario\":\"log-analytics\",\"size\":\"default\",\"seeds\":[1,2],\"baseline\":\"stateless-payload\"}");

        LogAnalyticsSection.append(md, "results/log-analytics/reference", summary(0.95), info);

        String text = md.toString();
        assertThat(text).startsWith("## Log analytics\n").contains("`results/log-analytics/reference`");
        assertThat(text).contains("| latency (median turn) | up to 13x lower | 4.00x lower | 2.00x - 5.00x | direction only |");
        assertThat(text).contains("| LLM input tokens | 88% fewer | 95.0% fewer | 92.0% - 96.0% | yes |");
        assertThat(text).contains("| completion | higher | 100.0% vs 40.0% | - | yes |");
        assertThat(text).contains("| exact answers (accuracy over all turns) | not stated | 95.0% vs 30.0% | - | higher |");
        assertThat(text).contains("On log analytics the paper's claims hold as follows: latency: direction only; "
                + "input tokens, cost, completion: yes.");
        assertThat(text).contains("Latency pairs the 8 turns both presets completed; tokens and cost pair all 20 turns");
        assertThat(text).contains("| stateless-payload | 20 | 40.0% | state-payload-limit 12 | 30.0% | 1500.5 | 1234 | 0.250000 |");
    }

    @Test
    void should_flag_an_accuracy_drop_when_checking_against_a_baseline_that_scored_exactly() throws Exception {
        var findings = RegressionCheck.compare(summary(0.95), summary(0.80), RegressionCheck.Tolerances.DEFAULT);

        assertThat(findings).extracting(RegressionCheck.Finding::metric).containsExactly("accuracy");
        assertThat(RegressionCheck.compare(summary(0.95), summary(0.95), RegressionCheck.Tolerances.DEFAULT)).isEmpty();
    }
}
