package dev.fameharness.baselines;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.strategy.Envelopes;
import dev.fameharness.agent.strategy.StateCarrier;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The stateless-payload carrier: the whole state travels in every payload. */
public final class PayloadStateCarrier implements StateCarrier {

    static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "payload";
    }

    @Override
    public byte[] encode(AgentState state) {
        ObjectNode node = Envelopes.control(state);
        node.set("state", JSON.valueToTree(state));
        return Envelopes.bytes(node);
    }

    @Override
    public AgentState decode(byte[] payload) {
        try {
            return JSON.treeToValue(JSON.readTree(payload).get("state"), AgentState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("malformed state payload", e);
        }
    }
}
