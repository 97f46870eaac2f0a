package dev.fameharness.agent.strategy;

import dev.fameharness.agent.Agent;
import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.TurnFailure;
import dev.fameharness.api.faas.FunctionHandler;
import java.util.Objects;

/**
 * The roles as function handlers: payload in, payload out, through the architecture's carrier and memory.
 * Any failure inside a role leaves the function as a {@link TurnFailure} whose message names its reason.
 */
public final class AgentHandlers {

    private final Agent agent;
    private final StateCarrier carrier;
    private final SessionMemory memory;

    public AgentHandlers(Agent agent, StateCarrier carrier, SessionMemory memory) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.carrier = Objects.requireNonNull(carrier, "carrier");
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    public Agent agent() {
        return agent;
    }

    public StateCarrier carrier() {
        return carrier;
    }

    public FunctionHandler planner() {
        return payload -> guarded(() -> carrier.encode(agent.plan(withMemory(carrier.decode(payload)))));
    }

    public FunctionHandler actor() {
        return payload -> guarded(() -> carrier.encode(agent.act(carrier.decode(payload))));
    }

    public FunctionHandler evaluator() {
        return payload -> guarded(() -> {
            AgentState state = agent.evaluate(carrier.decode(payload));
            if (state.accepted()) {
                remember(state);
            }
            return carrier.encode(state);
        });
    }

    /** Planner, actor and evaluator in one function. */
    public FunctionHandler fused() {
        return payload -> guarded(() -> {
            AgentState state = agent.loop(withMemory(carrier.decode(payload)));
            remember(state);
            return carrier.encode(state);
        });
    }

    private AgentState withMemory(AgentState state) {
        return state.memoryLoaded() ? state : state.withMemory(memory.load(state.sessionId()));
    }

    private void remember(AgentState state) {
        if (!memory.carriedByClient()) {
            memory.append(state.sessionId(), memory.notesOf(state));
        }
    }

    private static byte[] guarded(java.util.concurrent.Callable<byte[]> body) {
        try {
            return body.call();
        } catch (TurnFailure f) {
            throw f;
        } catch (Exception e) {
            throw TurnFailure.of(e);
        }
    }
}
