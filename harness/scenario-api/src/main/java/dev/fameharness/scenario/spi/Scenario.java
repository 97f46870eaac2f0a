package dev.fameharness.scenario.spi;

import dev.fameharness.llm.SimulatedBehavior;
import dev.fameharness.mcp.ToolServerSpec;
import java.util.List;
import java.util.Map;

/**
 * An opened scenario: its data loaded and verified, its MCP tool servers built. The harness runs its
 * {@link #workload} on every preset with the same agent, hosts its {@link #toolServers()} as functions, gives
 * the simulated model its {@link #behavior()} and scores each completed answer with {@link #score}.
 */
public interface Scenario extends AutoCloseable {

    /** The provider's name. */
    String name();

    /** The named workload sizes, e.g. {@code quick, default, large}. */
    List<String> sizes();

    /** The seeded sessions of a named size; an unknown size is a {@link dev.fameharness.api.error.ConfigException}. */
    ScenarioWorkload workload(String size, long seed);

    /**
     * A named size with some of its shape replaced (keys as in the scenario's size file); an unknown key is a
     * {@link dev.fameharness.api.error.ConfigException}.
     */
    ScenarioWorkload workload(String size, long seed, Map<String, Object> shapeOverrides);

    /** The MCP servers the agent's actor may call; each is hosted as its own function. */
    List<ToolServerSpec> toolServers();

    /** The simulated model's policy: a deterministic function of the prompt only. */
    SimulatedBehavior behavior();

    /** The effective policy constants (after overrides), recorded in run.json. */
    Map<String, Object> settings();

    /** Scores a completed turn's answer against the turn's ground truth. */
    TurnScore score(ScenarioTurn turn, String answer);

    /**
     * True when {@link #score} judges correctness: then a failed turn counts as {@link TurnScore#WRONG} in
     * accuracy; otherwise it stays {@link TurnScore#NOT_SCORED}.
     */
    default boolean judgesCorrectness() {
        return false;
    }

    @Override
    void close();
}
