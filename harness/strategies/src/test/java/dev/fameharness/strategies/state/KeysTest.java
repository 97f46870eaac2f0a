package dev.fameharness.strategies.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeysTest {

    private static final String HEX = "[0-9a-f]{32}";

    @ParameterizedTest
    @ValueSource(strings = {"../other", "a/../../b", "/etc/passwd", "x\u0000y", "line\nbreak", "tab\tand\r\n",
            "s3://bucket/key", "\u202e\u0007", "", "ñandú/émoji-😀"})
    void should_yield_fixed_shape_key_when_session_id_is_hostile(String sessionId) {
        // when
        String memory = Keys.memory(sessionId);
        String state = Keys.turnState(sessionId, "../turn/" + sessionId);

        // then: only the fixed prefixes carry '/', everything else is hex
        assertThat(memory).matches("memory/" + HEX);
        assertThat(state).matches("state/" + HEX + "/" + HEX);
        assertThat(memory.chars().filter(c -> c < 0x20 || c > 0x7e)).isEmpty();
    }

    @Test
    void should_give_distinct_keys_when_session_ids_differ_only_by_traversal_or_control_characters() {
        // given ids crafted to look alike
        List<String> ids = List.of("alice", "../alice", "alice/..", "alice\u0000", "\u0000alice", "alice\n", "Alice",
                "alice ", "bob/../alice", "./alice");

        // when
        Set<String> memoryKeys = new HashSet<>();
        Set<String> stateKeys = new HashSet<>();
        for (String id : ids) {
            memoryKeys.add(Keys.memory(id));
            stateKeys.add(Keys.turnState(id, "t1"));
        }

        // then
        assertThat(memoryKeys).hasSize(ids.size());
        assertThat(stateKeys).hasSize(ids.size());
    }

    @Test
    void should_not_collide_when_parts_are_split_differently() {
        // given part lists whose concatenations (with any single separator) are equal
        assertThat(Keys.hash("a\u0000", "b")).isNotEqualTo(Keys.hash("a", "\u0000b"));
        assertThat(Keys.hash("ab", "c")).isNotEqualTo(Keys.hash("a", "bc"));
        assertThat(Keys.hash("a", "")).isNotEqualTo(Keys.hash("a"));
        assertThat(Keys.turnState("s\u0000", "t")).isNotEqualTo(Keys.turnState("s", "\u0000t"));
    }

    @Test
    void should_be_stable_when_called_twice() {
        assertThat(Keys.memory("s")).isEqualTo(Keys.memory("s"));
        assertThat(Keys.artifact("papers", "fetch_paper", "{\"paper_id\":\"P1\"}"))
                .isEqualTo(Keys.artifact("papers", "fetch_paper", "{\"paper_id\":\"P1\"}"))
                .matches("artifacts/" + HEX);
    }
}
