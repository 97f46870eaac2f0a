package dev.fameharness.agent.strategy;

import dev.fameharness.agent.Agent;
import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.MemoryNote;
import dev.fameharness.agent.Observation;
import dev.fameharness.agent.TurnFailure;
import dev.fameharness.api.faas.FunctionHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The roles as function handlers: payload in, payload out, through the architecture's carrier and memory.
 * Any failure inside a role leaves the function as a {@link TurnFailure} whose message names its reason.
 */
public final class AgentHandlers {

    /** Longest answer text kept in memory (characters); memory is working state and must stay small. */
    static final int MEMORY_TEXT_CHARS = 1_200;

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
        List<MemoryNote> notes = new ArrayList<>();
        String answer = state.answer().length() > MEMORY_TEXT_CHARS
                ? state.answer().substring(0, MEMORY_TEXT_CHARS) : state.answer();
        notes.add(new MemoryNote(state.turnId(), "answer", state.request(), answer));
        for (Observation o : state.observations()) {
            if (o.isReference() && !o.error()) {
                String head = o.content().length() > 1_500 ? o.content().substring(0, 1_500) : o.content();
                notes.add(new MemoryNote(state.turnId(), "artifact", o.tool() + " " + o.arguments(), head));
            }
        }
        memory.append(state.sessionId(), notes);
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
