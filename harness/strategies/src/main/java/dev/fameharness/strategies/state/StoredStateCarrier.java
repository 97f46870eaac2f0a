package dev.fameharness.strategies.state;

import dev.fameharness.agent.state.ValueStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.strategy.Envelopes;
import dev.fameharness.agent.strategy.StateCarrier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The working state lives in a store; the payload carries the control fields and a reference. Each
 * save writes a new value for (session, turn, iteration, step) so a retried function never reads a half
 * written state of a later step.
 */
public final class StoredStateCarrier implements StateCarrier {

    private final String name;
    private final ValueStore store;
    private long writes;

    public StoredStateCarrier(String name, ValueStore store) {
        this.name = Objects.requireNonNull(name, "name");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte[] encode(AgentState state) {
        byte[] json;
        try {
            json = Envelopes.json().writeValueAsBytes(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long step;
        synchronized (this) {
            step = ++writes;
        }
        String key = Keys.turnState(state.sessionId(), state.turnId()) + "/" + state.iteration() + "-" + step;
        String ref = store.put(key, json);
        ObjectNode node = Envelopes.control(state);
        node.put("stateRef", ref);
        return Envelopes.bytes(node);
    }

    @Override
    public AgentState decode(byte[] payload) {
        JsonNode node = Envelopes.parse(payload);
        String ref = node.path("stateRef").asText("");
        if (ref.isEmpty()) {
            throw new IllegalArgumentException("payload has no stateRef: " + node);
        }
        byte[] json = store.get(ref).orElseThrow(() -> new IllegalStateException(
                "the working state " + ref + " is missing from the store"));
        try {
            return Envelopes.json().readValue(json, AgentState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupted working state at " + ref, e);
        }
    }
}
