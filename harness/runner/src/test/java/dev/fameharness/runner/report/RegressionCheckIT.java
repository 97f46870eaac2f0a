package dev.fameharness.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fameharness.runner.experiment.Experiment;
import dev.fameharness.runner.experiment.ExperimentRunner;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.preset.PresetCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI regression check catches a deliberate regression: the CI experiment with FAME's tool cache turned off
 * moves latency and cost beyond tolerance, and the check names the preset and figures; an unchanged rerun
 * passes (the virtual clock makes it identical).
 */
class RegressionCheckIT {

    static final String CI = """
            name: ci
            size: quick
            presets: [fame, stateless-payload]
            baseline: stateless-payload
            seeds: [42]
            """;

    @TempDir
    static Path results;

    static Path baseline;
    static PresetCatalog catalog;

    @BeforeAll
    static void runBaseline() {
        catalog = PresetCatalog.discover();
        Experiment e = Experiment.parse("ci.yaml", CI.getBytes(StandardCharsets.UTF_8), catalog);
        baseline = ExperimentRunner.run(e, results, "baseline", m -> { }).runDir().resolve("summary.json");
    }

    @Test
    void should_pass_when_the_run_is_unchanged() {
        // given the same experiment run again
        Experiment e = Experiment.parse("ci.yaml", CI.getBytes(StandardCharsets.UTF_8), catalog);
        Path again = ExperimentRunner.run(e, results, "again", m -> { }).runDir();

        // when checked against the baseline
        List<RegressionCheck.Finding> findings = RegressionCheck.compare(baseline, again,
                RegressionCheck.Tolerances.DEFAULT);

        // then nothing moved
        assertThat(findings).isEmpty();
    }

    @Test
    void should_fail_with_a_readable_diff_when_the_tool_cache_is_turned_off() {
        // given FAME with its tool-response cache turned off (a deliberate regression)
        Experiment e = Experiment.parse("ci.yaml", CI.getBytes(StandardCharsets.UTF_8), catalog);
        List<Preset> regressed = e.presets().stream()
                .map(p -> p.name().equals("fame") ? p.with(Map.of("tool_cache", false), "regression test") : p)
                .toList();
        Path current = ExperimentRunner.run(e.with(regressed, e.seeds(), e.size()), results, "no-cache", m -> { })
                .runDir();

        // when checked against the baseline
        List<RegressionCheck.Finding> findings = RegressionCheck.compare(baseline, current,
                RegressionCheck.Tolerances.DEFAULT);

        // then fame's modeled latency moved beyond tolerance, stateless-payload did not, and the diff says so
        assertThat(findings).isNotEmpty();
        assertThat(findings).allSatisfy(f -> assertThat(f.preset()).isEqualTo("fame"));
        assertThat(findings).extracting(RegressionCheck.Finding::metric).contains("latency_p50_ms");
        assertThat(findings.get(0).toString()).contains("fame").contains("baseline").contains("current")
                .contains("allowed");
    }
}
