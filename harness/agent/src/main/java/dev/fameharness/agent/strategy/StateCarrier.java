package dev.fameharness.agent.strategy;

import dev.fameharness.agent.AgentState;

/**
 * How the working state travels between the roles' functions. The payload is always a JSON object with the
 * control fields a workflow's Choice state reads ({@code verdict}, {@code iteration}); the rest is either the
 * whole state (stateless payload) or a reference to where it is stored (FAME, single store).
 */
public interface StateCarrier {

    /** A short name for results ({@code payload}, {@code tiered}, {@code single-dynamodb}, ...). */
    String name();

    /** The serialised payload that carries {@code state} to the next function. */
    byte[] encode(AgentState state);

    /** The state a payload carries (reading the store where the state is stored). */
    AgentState decode(byte[] payload);
}
