package dev.fameharness.runner.cloud;

import dev.fameharness.runner.preset.Preset;
import dev.fameharness.scenario.spi.ScenarioTurn;
import java.util.List;

/**
 * What a cloud run may cost before it starts: the figure {@link CostGuard} checks against {@code --max-usd}. The run
 * asks it once for the whole workload on each preset; {@link PriceFileEstimate} is the bound computed from the price
 * file, and a better estimator (e.g. {@link CloudCostEstimator#run} from a simulated run of the same workload) plugs
 * in here.
 */
public interface RunCostEstimator {

    /** Estimated USD for running {@code turns} on {@code preset}, with the model named ({@code simulated}, ...). */
    double usd(Preset preset, List<ScenarioTurn> turns, String model);

    /** What the estimate is, in one line for the console and run.json. */
    String describe();
}
