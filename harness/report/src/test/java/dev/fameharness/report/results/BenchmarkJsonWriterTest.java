package dev.fameharness.report.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchmarkJsonWriterTest {

    @Test
    void should_write_a_custom_smaller_is_better_array_when_given_a_run() throws Exception {
        RunResults results = ResultFormatTest.sampleResults();
        StringWriter out = new StringWriter();

        BenchmarkJsonWriter.write(results.summary(), out);

        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.isArray()).isTrue();
        // 3 presets x 5 figures + 2 comparisons x 3 ratios
        assertThat(root.size()).isEqualTo(21);
        for (JsonNode n : root) {
            assertThat(n.path("name").isTextual()).isTrue();
            assertThat(n.path("unit").isTextual()).isTrue();
            assertThat(n.path("value").isNumber()).isTrue();
            assertThat(n.path("extra").isTextual()).isTrue();
        }
        JsonNode p50 = root.get(0);
        assertThat(p50.path("name").asText()).isEqualTo("golden-run/fame/latency p50");
        assertThat(p50.path("value").asDouble()).isEqualTo(results.summary().presets().get(0).latencyMs().p50());
        JsonNode ratio = root.get(15);
        assertThat(ratio.path("name").asText()).isEqualTo("golden-run/fame vs monolithic/latency median ratio");
        assertThat(ratio.path("range").asText()).matches("\\d+\\.\\d{4} - \\d+\\.\\d{4}");
    }
}
