package dev.fameharness.scenario.spi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One user request of a generated session, as the harness sees it.
 *
 * @param sessionId    e.g. {@code s007}
 * @param turnId       e.g. {@code s007-t02}; unique in the workload
 * @param index        position in its session, from 0
 * @param arrival      virtual time from the start of the run at which the request arrives
 * @param simultaneous true when it arrives at the same instant as the previous turn of its session
 * @param kind         the task kind, lower case (the {@code task} column of turns.csv)
 * @param request      the user's request in natural language, as the agent receives it
 * @param truth        the scenario's own ground truth for {@link Scenario#score}; opaque to the harness
 */
public record ScenarioTurn(String sessionId, String turnId, int index, Duration arrival, boolean simultaneous,
                           String kind, String request, Object truth) {

    public ScenarioTurn {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(turnId, "turnId");
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(request, "request");
        if (index < 0 || arrival.isNegative()) {
            throw new IllegalArgumentException("invalid turn " + turnId + ": index " + index + ", arrival " + arrival);
        }
    }

    /** {@link #arrival()} in microseconds. */
    public long arrivalMicros() {
        return arrival.toNanos() / 1_000;
    }

    /**
     * The turns of one session grouped by arrival, in order: each group is a turn and the {@link #simultaneous()}
     * turns right after it, which arrive with it and run side by side.
     */
    public static List<List<ScenarioTurn>> arrivalGroups(List<ScenarioTurn> session) {
        List<List<ScenarioTurn>> groups = new ArrayList<>();
        for (ScenarioTurn t : session) {
            if (groups.isEmpty() || !t.simultaneous()) {
                groups.add(new ArrayList<>());
            }
            groups.get(groups.size() - 1).add(t);
        }
        return groups;
    }
}
