package dev.fameharness.runner.cloud;

import dev.fameharness.agent.AgentConfig;
import dev.fameharness.report.TurnRecord;
import dev.fameharness.report.cost.CostModel;
import dev.fameharness.runner.engine.ArchitectureFactory;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.scenario.spi.ScenarioTurn;
import java.util.List;
import java.util.TreeMap;

/**
 * An upper bound of a cloud run's compute and model cost from the price file ({@link CostModel}): every turn runs
 * the evaluator's iteration bound, every role function runs to its timeout at the preset's memory, the tool server
 * runs as long as the functions that wait on it, every state of an iteration is entered, and with a real model every
 * call fills the 128k-token context window and writes 16k tokens. Store requests are not bounded here (on-demand
 * DynamoDB and S3 requests of a turn cost far less than its function time). A bound, not a prediction: a run that
 * passes it cannot cost more in Lambda, Step Functions and model tokens.
 */
public final class PriceFileEstimate implements RunCostEstimator {

    /** GPT-4o-mini's context window and maximum output, the bound of one model call with a real model. */
    static final long CONTEXT_TOKENS = 128_000;
    static final long MAX_OUTPUT_TOKENS = 16_384;
    /** States entered per iteration of the generated workflows (Task states plus the Choice), and Succeed/Fail. */
    static final int STATES_PER_ITERATION = 4;

    private final CostModel costs;
    private final long roleTimeoutSeconds;

    public PriceFileEstimate(CostModel costs, long roleTimeoutSeconds) {
        this.costs = costs;
        this.roleTimeoutSeconds = roleTimeoutSeconds;
    }

    /** Over the shipped price file, with the generated stack's 300 s role timeout. */
    public static PriceFileEstimate withDefaults() {
        return new PriceFileEstimate(CostModel.withDefaultPrices(), 300);
    }

    @Override
    public double usd(Preset preset, List<ScenarioTurn> turns, String model) {
        int iterations = AgentConfig.DEFAULT.maxIterations();
        int roles = "separate".equals(preset.topology()) ? 3 : 1;
        double gbS = iterations * roles * roleTimeoutSeconds * preset.functionMemoryMb() / 1024.0
                + iterations * roles * roleTimeoutSeconds * ArchitectureFactory.TOOL_SERVER_MEMORY_MB / 1024.0;
        TreeMap<String, Double> units = new TreeMap<>();
        units.put(CostModel.LAMBDA_GB_S, gbS);
        units.put(CostModel.LAMBDA_REQUESTS, (double) iterations * roles * 2);
        units.put(CostModel.SFN_TRANSITIONS, (double) iterations * STATES_PER_ITERATION + 1);
        if (!"simulated".equals(model)) {
            units.put(CostModel.LLM_INPUT, (double) iterations * roles * CONTEXT_TOKENS);
            units.put(CostModel.LLM_OUTPUT, (double) iterations * roles * MAX_OUTPUT_TOKENS);
        }
        TurnRecord bound = new TurnRecord(preset.name(), 0, "", "bound", "", 0, 0, 0, TurnRecord.COMPLETED, "", "",
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, units);
        return costs.turnCost(bound).total() * turns.size();
    }

    @Override
    public String describe() {
        return "upper bound from the price file: every turn at the iteration bound, every function to its "
                + roleTimeoutSeconds + " s timeout, full context windows with a real model; store requests not bounded";
    }
}
