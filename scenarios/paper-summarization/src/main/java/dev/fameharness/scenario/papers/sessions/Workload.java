package dev.fameharness.scenario.papers.sessions;

import java.util.List;
import java.util.Objects;

/**
 * A generated workload: every turn of every session, ordered by arrival, then session id, then turn index.
 *
 * @param config the size it was generated for
 * @param seed   the run seed it was generated from
 * @param turns  all turns in arrival order
 */
public record Workload(SessionConfig config, long seed, List<Turn> turns) {

    public Workload {
        Objects.requireNonNull(config, "config");
        turns = List.copyOf(turns);
    }

    /** The turns of one session in index order. */
    public List<Turn> session(String sessionId) {
        return turns.stream().filter(t -> t.sessionId().equals(sessionId))
                .sorted(java.util.Comparator.comparingInt(Turn::index)).toList();
    }

    /** Distinct session ids in order of first arrival. */
    public List<String> sessionIds() {
        return turns.stream().map(Turn::sessionId).distinct().toList();
    }
}
