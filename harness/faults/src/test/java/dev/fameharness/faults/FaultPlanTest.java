package dev.fameharness.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.ConfigException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void should_parse_kinds_and_parameters_when_the_section_is_valid() {
        // given
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("store_throttle", 0.05);
        section.put("llm_rate_limit", "0.1");
        section.put("function_timeout", 1L);
        section.put("tool_slow_extra", "PT3.5S");
        section.put("llm_timeout_after", "pt30s");
        section.put("function_crash_as", "unhandled");

        // when
        FaultPlan plan = FaultPlan.fromMap(section);

        // then
        assertThat(plan.probability(FaultKind.STORE_THROTTLE)).isEqualTo(0.05);
        assertThat(plan.probability(FaultKind.LLM_RATE_LIMIT)).isEqualTo(0.1);
        assertThat(plan.probability(FaultKind.FUNCTION_TIMEOUT)).isEqualTo(1.0);
        assertThat(plan.probability(FaultKind.TOOL_ERROR)).isZero();
        assertThat(plan.toolSlowExtra()).isEqualTo(Duration.ofMillis(3500));
        assertThat(plan.llmTimeoutAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(plan.functionCrashAs()).isEqualTo(CrashMode.UNHANDLED);
        assertThat(plan.isEmpty()).isFalse();
    }

    @Test
    void should_set_every_kind_when_all_is_given_and_let_named_kinds_override_it() {
        // when
        FaultPlan plan = FaultPlan.fromMap(Map.of("all", 0.05, "tool_error", 0.2));

        // then
        for (FaultKind k : FaultKind.values()) {
            assertThat(plan.probability(k)).as(k.label()).isEqualTo(k == FaultKind.TOOL_ERROR ? 0.2 : 0.05);
        }
    }

    @Test
    void should_give_every_kind_the_same_probability_when_uniform() {
        // when
        FaultPlan plan = FaultPlan.uniform(0.05);

        // then
        assertThat(plan.probabilities()).hasSize(FaultKind.values().length).allSatisfy((k, p) -> assertThat(p)
                .isEqualTo(0.05));
        assertThat(plan.toolSlowExtra()).isEqualTo(FaultPlan.DEFAULT_TOOL_SLOW_EXTRA);
        assertThat(plan.functionCrashAs()).isEqualTo(CrashMode.SERVICE);
    }

    @Test
    void should_be_empty_with_defaults_when_the_section_is_empty() {
        // when
        FaultPlan plan = FaultPlan.fromMap(Map.of());

        // then
        assertThat(plan).isEqualTo(FaultPlan.NONE);
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.llmTimeoutAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void should_round_trip_when_written_as_a_map_and_parsed_again() {
        // given
        FaultPlan plan = FaultPlan.uniform(0.01).with(FaultKind.TOOL_SLOW, 0.3)
                .withToolSlowExtra(Duration.ofMillis(750)).withFunctionCrashAs(CrashMode.UNHANDLED);

        // when
        FaultPlan again = FaultPlan.fromMap(plan.toMap());

        // then
        assertThat(again).isEqualTo(plan);
    }

    @Test
    void should_name_the_field_and_range_when_a_probability_is_out_of_range() {
        assertThatThrownBy(() -> FaultPlan.fromMap(Map.of("store_throttle", 1.5)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("faults.store_throttle").hasMessageContaining("[0, 1]")
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> FaultPlan.fromMap(Map.of("tool_error", -0.01)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("faults.tool_error");
        assertThatThrownBy(() -> FaultPlan.fromMap(Map.of("all", Double.NaN)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("faults.all");
        assertThatThrownBy(() -> FaultPlan.uniform(2))
                .isInstanceOf(ConfigException.class).hasMessageContaining("faults.all");
    }

    @Test
    void should_name_the_field_when_a_probability_is_not_a_number() {
        assertThatThrownBy(() -> FaultPlan.fromMap(Map.of("llm_timeout", "often")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("faults.llm_timeout").hasMessageContaining("'often'")
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> FaultPlan.fromMap(Map.of("llm_timeout", true)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("faults.llm_timeout");
    }

    @Test
    void should_list_the_accepted_keys_when_a_key_is_unknown() {
        assertThatThrownBy(() -> FaultPlan.fromMap(Map.of("store_throtle", 0.1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("faults.store_throtle")
                .hasMessageContaining("store_throttle, function_crash, function_timeout, cold_start_failure, "
                        + "tool_error, tool_slow, llm_rate_limit, llm_timeout")
                .hasMessageContaining("tool_slow_extra");
    }

    @Test
    void should_name_the_field_and_range_when_a_duration_is_invalid() {
        assertThatThrownBy(() -> FaultPlan.fromMap(Map.of("tool_slow_extra", "2 seconds")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("faults.tool_slow_extra").hasMessageContaining("ISO-8601")
                .hasMessageContaining("(PT0S, PT15M]");
        assertThatThrownBy(() -> FaultPlan.fromMap(Map.of("llm_timeout_after", "PT0S")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("faults.llm_timeout_after");
        assertThatThrownBy(() -> FaultPlan.fromMap(Map.of("llm_timeout_after", "PT16M")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("faults.llm_timeout_after");
        assertThatThrownBy(() -> FaultPlan.fromMap(Map.of("tool_slow_extra", 2L)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("faults.tool_slow_extra");
    }

    @Test
    void should_name_the_field_when_the_crash_mode_is_unknown() {
        assertThatThrownBy(() -> FaultPlan.fromMap(Map.of("function_crash_as", "oom")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("faults.function_crash_as").hasMessageContaining("'service' or 'unhandled'");
    }
}
