package dev.fameharness.report.results;

import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.cost.Cost;
import dev.fameharness.report.cost.CostModel;
import dev.fameharness.report.stats.Bootstrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the writers format: the run's {@link RunSummary}, its turns in run order, and each turn's usage
 * cost (same index as the turn).
 */
public record RunResults(RunSummary summary, List<TurnRecord> turns, List<Cost> turnCosts) {

    public RunResults {
        Objects.requireNonNull(summary, "summary");
        turns = List.copyOf(turns);
        turnCosts = List.copyOf(turnCosts);
        if (turns.size() != turnCosts.size()) {
            throw new IllegalArgumentException("one cost per turn required");
        }
    }

    /** Computes the summary and the turn costs. */
    public static RunResults compute(String runId, List<TurnRecord> turns, CostModel costs, RunExtras extras,
                                     List<PresetPair> pairs, Bootstrap bootstrap) {
        List<Cost> turnCosts = new ArrayList<>(turns.size());
        for (TurnRecord t : turns) {
            turnCosts.add(costs.turnCost(t));
        }
        return new RunResults(RunSummary.compute(runId, turns, costs, extras, pairs, bootstrap), turns, turnCosts);
    }
}
