package dev.fameharness.scenario.spi;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioTurnTest {

    private static ScenarioTurn turn(int index, boolean simultaneous) {
        return new ScenarioTurn("s000", "s000-t0" + index, index, Duration.ofSeconds(index), simultaneous, "kind",
                "request " + index, null);
    }

    @Test
    void should_group_each_turn_with_the_simultaneous_turns_after_it_when_grouping_a_session_by_arrival() {
        List<ScenarioTurn> session = List.of(turn(0, false), turn(1, true), turn(2, false), turn(3, false),
                turn(4, true), turn(5, true));

        assertThat(ScenarioTurn.arrivalGroups(session)).extracting(g -> g.stream().map(ScenarioTurn::index).toList())
                .containsExactly(List.of(0, 1), List.of(2), List.of(3, 4, 5));
    }

    @Test
    void should_return_no_groups_when_the_session_has_no_turns() {
        assertThat(ScenarioTurn.arrivalGroups(List.of())).isEmpty();
    }
}
