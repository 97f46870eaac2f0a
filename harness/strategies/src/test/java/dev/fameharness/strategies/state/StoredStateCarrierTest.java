package dev.fameharness.strategies.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.AgentStates;
import dev.fameharness.agent.strategy.Envelopes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoredStateCarrierTest {

    @Test
    void should_round_trip_state_through_store_when_carried_by_reference() {
        // given
        AgentState state = AgentStates.full();
        MapValueStore store = new MapValueStore("kv");
        StoredStateCarrier carrier = new StoredStateCarrier("test", store);

        // when
        byte[] payload = carrier.encode(state);
        AgentState decoded = carrier.decode(payload);

        // then the payload carries control fields and a reference only; the store holds the state
        assertThat(decoded).isEqualTo(state);
        JsonNode node = Envelopes.parse(payload);
        assertThat(node.path("stateRef").asText()).startsWith("kv://state/");
        assertThat(node.path("verdict").asText()).isEqualTo("reject");
        assertThat(node.path("iteration").asInt()).isEqualTo(1);
        assertThat(new String(payload, StandardCharsets.UTF_8)).doesNotContain("needs results", "earlier answer");
        assertThat(store.puts()).hasSize(1);
    }

    @Test
    void should_write_a_new_value_when_same_state_is_saved_twice() {
        MapValueStore store = new MapValueStore("kv");
        StoredStateCarrier carrier = new StoredStateCarrier("test", store);

        String first = Envelopes.parse(carrier.encode(AgentStates.full())).path("stateRef").asText();
        String second = Envelopes.parse(carrier.encode(AgentStates.full())).path("stateRef").asText();

        assertThat(first).isNotEqualTo(second);
        assertThat(store.puts()).containsExactly(first, second);
    }

    @Test
    void should_fail_with_context_when_payload_has_no_reference_or_value_is_missing() {
        StoredStateCarrier carrier = new StoredStateCarrier("test", new MapValueStore("kv"));

        assertThatThrownBy(() -> carrier.decode("{\"verdict\":\"\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stateRef");
        assertThatThrownBy(() -> carrier.decode("{\"stateRef\":\"kv://state/gone\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kv://state/gone");
    }
}
