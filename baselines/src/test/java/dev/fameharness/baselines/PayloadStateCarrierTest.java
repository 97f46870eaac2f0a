package dev.fameharness.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.AgentStates;
import dev.fameharness.agent.strategy.Envelopes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadStateCarrierTest {

    @Test
    void should_round_trip_whole_state_when_carried_in_payload() {
        // given
        AgentState state = AgentStates.full();
        PayloadStateCarrier carrier = new PayloadStateCarrier();

        // when
        byte[] payload = carrier.encode(state);
        AgentState decoded = carrier.decode(payload);

        // then the state is equal and the control fields are at the top level for Choice states
        assertThat(decoded).isEqualTo(state);
        JsonNode node = Envelopes.parse(payload);
        assertThat(node.path("verdict").asText()).isEqualTo("reject");
        assertThat(node.path("iteration").asInt()).isEqualTo(1);
        assertThat(node.path("sessionId").asText()).isEqualTo(state.sessionId());
        assertThat(new String(payload, StandardCharsets.UTF_8)).contains("needs results");
    }
}
