package dev.fameharness.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The quality guard of the regression check, on hand-written summaries (no run needed). */
class RegressionCheckTest {

    private static JsonNode summary(double rougeL) throws Exception {
        return new ObjectMapper().readTree(String.format(Locale.ROOT, """
                {"presets": [{"preset": "fame", "completion_rate": 1,
                  "tokens": {"all": {"input_total": 1000, "output_total": 100}},
                  "cost_usd": {"total": {"total": 0.5}},
                  "latency_ms": {"p50": 100, "p95": 200},
                  "rouge_completed": {"rouge_l": %s}}]}
                """, rougeL));
    }

    @Test
    void should_fail_when_answer_quality_drops_beyond_its_tolerance() throws Exception {
        List<RegressionCheck.Finding> findings = RegressionCheck.compare(summary(0.20), summary(0.19),
                RegressionCheck.Tolerances.DEFAULT);

        assertThat(findings).extracting(RegressionCheck.Finding::metric).containsExactly("rouge_l_completed");
        assertThat(findings.get(0).toString()).contains("fame").contains("-0.005 absolute");
    }

    @Test
    void should_pass_when_answer_quality_moves_within_its_tolerance_or_improves() throws Exception {
        assertThat(RegressionCheck.compare(summary(0.20), summary(0.196), RegressionCheck.Tolerances.DEFAULT)).isEmpty();
        assertThat(RegressionCheck.compare(summary(0.20), summary(0.25), RegressionCheck.Tolerances.DEFAULT)).isEmpty();
    }
}
