package dev.fameharness.scenario.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.ConfigException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenariosTest {

    private record Named(String name, boolean isDefault) implements ScenarioProvider {
        @Override
        public String description() {
            return "test scenario " + name;
        }

        @Override
        public Scenario open(ScenarioOptions options) {
            throw new UnsupportedOperationException("not opened in this test");
        }
    }

    @Test
    void should_name_the_known_scenarios_when_a_name_is_unknown() {
        Scenarios s = Scenarios.of(List.of(new Named("b-scenario", false), new Named("a-scenario", false)));

        assertThat(s.names()).containsExactly("a-scenario", "b-scenario");
        assertThatThrownBy(() -> s.get("warp"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown scenario 'warp'; known scenarios: a-scenario, b-scenario");
    }

    @Test
    void should_pick_the_provider_marked_default_when_asked_for_the_default() {
        Scenarios s = Scenarios.of(List.of(new Named("a-scenario", false), new Named("z-scenario", true)));

        assertThat(s.defaultName()).isEqualTo("z-scenario");
        assertThat(s.get("a-scenario").description()).isEqualTo("test scenario a-scenario");
    }

    @Test
    void should_refuse_two_providers_with_one_name() {
        assertThatThrownBy(() -> Scenarios.of(List.of(new Named("x", false), new Named("x", true))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("two scenario providers are named 'x'");
    }

    @Test
    void should_group_turns_by_session_in_index_order() {
        ScenarioTurn a1 = new ScenarioTurn("a", "a-t01", 1, Duration.ofSeconds(5), false, "k", "r", null);
        ScenarioTurn b0 = new ScenarioTurn("b", "b-t00", 0, Duration.ofSeconds(2), false, "k", "r", null);
        ScenarioTurn a0 = new ScenarioTurn("a", "a-t00", 0, Duration.ofSeconds(1), false, "k", "r", null);
        ScenarioWorkload w = new ScenarioWorkload("quick", 1, List.of(a0, b0, a1));

        assertThat(w.sessionIds()).containsExactly("a", "b");
        assertThat(w.session("a")).containsExactly(a0, a1);
        assertThat(a1.arrivalMicros()).isEqualTo(5_000_000);
    }

    @Test
    void should_refuse_a_verdict_outside_the_three_values() {
        assertThatThrownBy(() -> new TurnScore(2, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TurnScore.exact(true).correct()).isEqualTo(TurnScore.CORRECT);
        assertThat(TurnScore.exact(false).correct()).isEqualTo(TurnScore.WRONG);
    }
}
