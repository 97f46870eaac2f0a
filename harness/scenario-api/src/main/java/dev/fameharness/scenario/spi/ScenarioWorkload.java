package dev.fameharness.scenario.spi;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A generated workload: every turn of every session, ordered by arrival, then session id, then turn index.
 *
 * @param size  the named size it was generated for
 * @param seed  the run seed it was generated from
 * @param turns all turns in arrival order
 */
public record ScenarioWorkload(String size, long seed, List<ScenarioTurn> turns) {

    public ScenarioWorkload {
        Objects.requireNonNull(size, "size");
        turns = List.copyOf(turns);
    }

    /** The turns of one session in index order. */
    public List<ScenarioTurn> session(String sessionId) {
        return turns.stream().filter(t -> t.sessionId().equals(sessionId))
                .sorted(Comparator.comparingInt(ScenarioTurn::index)).toList();
    }

    /** Distinct session ids in order of first arrival. */
    public List<String> sessionIds() {
        return turns.stream().map(ScenarioTurn::sessionId).distinct().toList();
    }
}
