package dev.fameharness.runner.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.runner.preset.PresetCatalog;
import dev.fameharness.scenario.papers.sessions.SessionConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadShapeTest {

    @Test
    void should_override_only_the_named_keys_when_a_workload_section_is_given() {
        SessionConfig base = WorkloadShape.base("quick");

        SessionConfig c = WorkloadShape.apply(base, Map.of("zipfExponent", 2.0, "meanTurnsPerSession", 8L));

        assertThat(c.zipfExponent()).isEqualTo(2.0);
        assertThat(c.meanTurnsPerSession()).isEqualTo(8);
        assertThat(c.sessions()).isEqualTo(base.sessions());
        assertThat(c.meanThinkTime()).isEqualTo(base.meanThinkTime());
    }

    @Test
    void should_reject_unknown_keys_and_bad_values_naming_them() {
        SessionConfig base = WorkloadShape.base("quick");

        assertThatThrownBy(() -> WorkloadShape.apply(base, Map.of("colour", 1L)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("workload.colour")
                .hasMessageContaining("zipfExponent");
        assertThatThrownBy(() -> WorkloadShape.apply(base, Map.of("sessions", 2.5)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> WorkloadShape.apply(base, Map.of("zipfExponent", "high")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must be a number");
    }

    @Test
    void should_carry_settings_and_workload_when_an_experiment_file_has_them() {
        String yaml = """
                name: shaped
                presets: [fame, stateless-payload]
                settings: {read_budget: 3, answer_style: brief}
                workload: {zipfExponent: 1.5}
                """;

        Experiment e = Experiment.parse("x.yaml", yaml.getBytes(StandardCharsets.UTF_8), PresetCatalog.discover());

        assertThat(e.settings()).containsEntry("read_budget", 3L).containsEntry("answer_style", "brief");
        assertThat(WorkloadShape.of(e).zipfExponent()).isEqualTo(1.5);
        assertThatThrownBy(() -> Experiment.parse("x.yaml", """
                name: shaped
                presets: [fame]
                workload: {zipfExponent: 99}
                """.getBytes(StandardCharsets.UTF_8), PresetCatalog.discover()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("x.yaml:3").hasMessageContaining("zipfExponent");
    }
}
