package dev.fameharness.agent.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fameharness.agent.AgentState;
import dev.fameharness.agent.ArtifactRefs;
import dev.fameharness.agent.MemoryNote;
import dev.fameharness.agent.Observation;
import dev.fameharness.agent.TurnRequest;
import dev.fameharness.agent.state.MapValueStore;
import dev.fameharness.agent.state.StoredStateCarrier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateCarrierTest {

    /** A state with every field set, including text that needs escaping. */
    static AgentState fullState() {
        return AgentState.start(new TurnRequest("../sess\u0001ion", "turn-7", "summarize \"P1\"\nplease"))
                .withMemory(List.of(new MemoryNote("turn-1", "answer", "paper:P0", "earlier answer ✓")))
                .withPlan("{\"steps\":[{\"tool\":\"fetch_paper\"}]}")
                .withObservation(new Observation("search_papers", "{\"query\":\"x\"}", "1. P1", "", false))
                .withObservation(new Observation("fetch_paper", "{\"paper_id\":\"P1\"}",
                        ArtifactRefs.header("s3://artifacts/ab", 99) + "\nparts", "s3://artifacts/ab", false))
                .withObservation(new Observation("get_section", "{}", "argument 'paper_id' is missing", "", true))
                .withAnswer("The answer — with unicode 😀.")
                .withVerdict(AgentState.REJECT, "needs results");
    }

    @Test
    void should_round_trip_whole_state_when_carried_in_payload() {
        // given
        AgentState state = fullState();
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

    @Test
    void should_round_trip_state_through_store_when_carried_by_reference() {
        // given
        AgentState state = fullState();
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

        String first = Envelopes.parse(carrier.encode(fullState())).path("stateRef").asText();
        String second = Envelopes.parse(carrier.encode(fullState())).path("stateRef").asText();

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
