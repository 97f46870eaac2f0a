package dev.fameharness.agent.strategy;

import dev.fameharness.agent.AgentState;

/**
 * How the roles are deployed and orchestrated: separate functions on a workflow, one fused function on a
 * workflow, or one monolithic function invoked directly.
 */
public interface Topology {

    String name();

    /**
     * Runs one turn to its end and returns the accepted state.
     *
     * @throws dev.fameharness.agent.TurnFailure with exactly one reason when the turn fails
     */
    AgentState run(AgentState initial);
}
