package dev.fameharness.runner.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.report.charts.ChartSize;
import dev.fameharness.runner.experiment.Experiment;
import dev.fameharness.runner.preset.PresetCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-parameter sensitivity run on three quick sessions, two levels at once: the base level and one changed
 * level are full reruns, the claim moves with the parameter, and the outputs (JSON with the frontier, Markdown,
 * tornado charts) exist.
 */
class SensitivityIT {

    @Test
    void should_rerun_the_comparison_per_level_and_write_the_frontier_when_a_profile_number_varies(@TempDir Path dir)
            throws Exception {
        CalibrationProfile profile = CalibrationProfile.loadDefault();
        Experiment e = Experiment.parse("base.yaml", """
                name: sens-base
                size: quick
                presets: [fame, stateless]
                baseline: stateless
                seeds: [7]
                workload: {sessions: 3}
                """.getBytes(StandardCharsets.UTF_8), PresetCatalog.discover());
        SensitivityPlan plan = SensitivityPlan.parse("plan.yaml", """
                name: sens
                experiment: base.yaml
                candidate: fame
                interaction: false
                parameters:
                  - {kind: profile, name: download, targets: [mcp.tool.fetch_paper, mcp.tool.list_sections,
                     mcp.tool.get_section], field: median_ms, values: [10100, 60000]}
                """.getBytes(StandardCharsets.UTF_8), profile);

        SensitivityRunner.Result r = SensitivityRunner.run(plan, e, profile, 2, m -> { });
        SensitivityOutputs.write(r, dir, ChartSize.DEFAULT);

        // the base value is one of the listed values: it reuses the base level (no rerun), so two runs in all
        assertThat(r.curve("download")).containsOnlyKeys(10100.0, 60000.0);
        assertThat(r.curve("download").get(10100.0).claims()).isEqualTo(r.base().claims());
        assertThat(r.curve("download").get(10100.0).wallMillis()).isZero();
        assertThat(r.curve("download").get(60000.0).wallMillis()).isPositive();
        // six times slower paper downloads make the memoryless baseline (which fetches again every turn) slower than FAME
        double base = r.base().claims().get(Claim.LATENCY_UP_TO).value();
        double slow = r.curve("download").get(60000.0).claims().get(Claim.LATENCY_UP_TO).value();
        assertThat(slow).isLessThan(base);
        JsonNode json = new ObjectMapper().readTree(dir.resolve(SensitivityOutputs.JSON_FILE).toFile());
        assertThat(json.path("levels_run").asInt()).isEqualTo(2);
        assertThat(json.path("parameters").get(0).path("reaches_paper_figure_at").has("cost")).isTrue();
        assertThat(json.path("parameters").get(0).path("levels")).hasSize(2);
        assertThat(Files.readString(dir.resolve(SensitivityOutputs.MARKDOWN_FILE))).contains("| download | profile |");
        assertThat(dir.resolve("tornado-latency-typical.png")).exists();
        // levels share servers and the opened scenario: the base level counts and claims exactly what a run of
        // its own (own harness, own servers, answers scored) does
        var alone = dev.fameharness.runner.experiment.ExperimentRunner.runTurns(e, profile, "alone", m -> { });
        assertThat(SensitivityRunner.counts(alone)).isEqualTo(r.base().counts());
    }
}
