package dev.fameharness.runner.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.platform.calibration.CalibrationProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SensitivityPlanTest {

    private static final CalibrationProfile PROFILE = CalibrationProfile.loadDefault();

    private static SensitivityPlan parse(String yaml) {
        return SensitivityPlan.parse("plan.yaml", yaml.getBytes(StandardCharsets.UTF_8), PROFILE);
    }

    @Test
    void should_hold_at_least_eight_parameters_of_five_levels_when_the_shipped_plan_is_read() {
        SensitivityPlan plan = SensitivityPlan.load(Path.of("../../experiments/plans/sensitivity.yaml"), PROFILE);

        assertThat(plan.parameters()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(plan.parameters()).allSatisfy(p -> {
            assertThat(p.values()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(p.range()).isNotBlank();
        });
        // every assumed profile number the latency claim leans on is in the plan
        assertThat(plan.parameters().stream().flatMap(p -> p.targets().stream()))
                .contains("mcp.tool.fetch_paper", "sfn.transition", "lambda.invoke.warm", "llm.gpt-4o-mini.input_token");
    }

    @Test
    void should_default_the_field_by_what_the_profile_number_is() {
        SensitivityPlan plan = parse("""
                name: p
                experiment: e.yaml
                candidate: fame
                parameters:
                  - {kind: profile, name: keep-alive, targets: [lambda.keep_alive_s], values: [60, 600]}
                  - {kind: profile, name: prefill, targets: [llm.gpt-4o-mini.input_token], values: [0.05, 0.1]}
                  - {kind: profile, name: sfn.transition, values: [5, 50]}
                  - {kind: workload, name: skew, targets: [zipfExponent], values: [0, 2]}
                  - {kind: settings, name: read_budget, values: [1, 3]}
                """);

        assertThat(plan.parameters()).extracting(Parameter::field)
                .containsExactly("value", "per_unit_ms", "median_ms", "", "");
        assertThat(plan.parameters().get(2).targets()).containsExactly("sfn.transition");
        assertThat(plan.interaction()).isTrue();
    }

    @Test
    void should_name_the_file_parameter_and_field_when_the_plan_is_wrong() {
        assertThatThrownBy(() -> parse("""
                name: p
                experiment: e.yaml
                candidate: fame
                parameters:
                  - {kind: magic, name: x, values: [1, 2]}
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("plan.yaml: parameters[0]")
                .hasMessageContaining("profile, settings, workload");
        assertThatThrownBy(() -> parse("""
                name: p
                experiment: e.yaml
                candidate: fame
                parameters:
                  - {kind: profile, name: x, targets: [warp.drive], values: [1, 2]}
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("warp.drive");
        assertThatThrownBy(() -> parse("""
                name: p
                experiment: e.yaml
                candidate: fame
                parameters:
                  - {kind: workload, name: x, targets: [colour], values: [1, 2]}
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("colour")
                .hasMessageContaining("zipfExponent");
        assertThatThrownBy(() -> parse("""
                name: p
                experiment: e.yaml
                candidate: fame
                parameters:
                  - {kind: profile, name: sfn.transition, values: [5]}
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("at least two");
    }
}
