package dev.fameharness.agent.strategy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fameharness.agent.AgentState;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The control part every payload carries, whatever the carrier, so workflows can branch on it. */
public final class Envelopes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Envelopes() {
    }

    public static ObjectNode control(AgentState state) {
        ObjectNode node = JSON.createObjectNode();
        node.put("sessionId", state.sessionId());
        node.put("turnId", state.turnId());
        node.put("verdict", state.verdict());
        node.put("iteration", state.iteration());
        return node;
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("malformed state payload (" + payload.length + " bytes)", e);
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
