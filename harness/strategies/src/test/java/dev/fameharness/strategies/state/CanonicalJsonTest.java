package dev.fameharness.strategies.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void should_give_same_form_when_key_order_and_whitespace_differ() {
        // given
        String a = "{\"paper_id\":\"P1\",\"limit\":5}";
        String b = "  {\n  \"limit\" : 5 ,\t\"paper_id\":   \"P1\"\n}  ";

        // when / then
        assertThat(CanonicalJson.canonical(a)).isEqualTo(CanonicalJson.canonical(b)).isEqualTo("{\"limit\":5,\"paper_id\":\"P1\"}");
    }

    @Test
    void should_sort_nested_objects_and_keep_array_order() {
        // given objects nested in objects and arrays
        String json = "{\"z\":{\"b\":1,\"a\":[{\"y\":2,\"x\":1},3,\"s\"]},\"a\":[3,1,2]}";

        // when
        String canonical = CanonicalJson.canonical(json);

        // then keys sorted at every level, array elements in their order
        assertThat(canonical).isEqualTo("{\"a\":[3,1,2],\"z\":{\"a\":[{\"x\":1,\"y\":2},3,\"s\"],\"b\":1}}");
        assertThat(CanonicalJson.canonical("{\"a\":[1,2,3]}")).isNotEqualTo(CanonicalJson.canonical("{\"a\":[3,2,1]}"));
    }

    @Test
    void should_distinguish_values_when_only_types_differ() {
        assertThat(CanonicalJson.canonical("{\"n\":1}")).isNotEqualTo(CanonicalJson.canonical("{\"n\":\"1\"}"));
    }

    @Test
    void should_return_empty_object_when_blank_and_trimmed_text_when_malformed() {
        assertThat(CanonicalJson.canonical("")).isEqualTo("{}");
        assertThat(CanonicalJson.canonical(null)).isEqualTo("{}");
        assertThat(CanonicalJson.canonical("  {not json ")).isEqualTo("{not json");
    }
}
