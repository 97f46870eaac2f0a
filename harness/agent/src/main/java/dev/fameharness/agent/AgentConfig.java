package dev.fameharness.agent;

/**
 * Bounds of the agent's loops.
 *
 * @param maxIterations planner/actor/evaluator rounds before the evaluator gives up
 * @param maxActorSteps model calls the actor may make in one round (each may request tools)
 */
public record AgentConfig(int maxIterations, int maxActorSteps) {

    public static final AgentConfig DEFAULT = new AgentConfig(3, 8);

    public AgentConfig {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
        }
        if (maxActorSteps < 1) {
            throw new IllegalArgumentException("maxActorSteps must be >= 1, was " + maxActorSteps);
        }
    }
}
