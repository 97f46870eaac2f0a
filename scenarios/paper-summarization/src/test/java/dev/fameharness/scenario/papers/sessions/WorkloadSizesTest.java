package dev.fameharness.scenario.papers.sessions;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.api.error.ConfigException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadSizesTest {

    @Test
    void should_read_quick_default_and_large_when_loading_the_resource() {
        assertThat(WorkloadSizes.all()).containsOnlyKeys("quick", "default", "large");
        SessionConfig quick = WorkloadSizes.named("quick");
        assertThat(quick.sessions()).isEqualTo(6);
        assertThat(quick.meanTurnsPerSession()).isEqualTo(4);
        assertThat(WorkloadSizes.named("default").sessions()).isEqualTo(40);
        assertThat(WorkloadSizes.named("large").sessions()).isEqualTo(200);
        assertThat(WorkloadSizes.named("large").meanTurnsPerSession()).isEqualTo(6);
    }

    @Test
    void should_list_known_sizes_when_the_name_is_unknown() {
        assertThatThrownBy(() -> WorkloadSizes.named("huge"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'huge'").hasMessageContaining("[quick, default, large]");
    }

    @Test
    void should_name_the_field_when_a_value_is_zero_or_negative() throws Exception {
        String json = "{\"tiny\": {\"sessions\": 0, \"meanTurnsPerSession\": 4, \"arrivalRatePerMinute\": 1,"
                + " \"meanThinkTimeSeconds\": 10, \"simultaneousProbability\": 0.1, \"zipfExponent\": 1, \"followUpShare\": 0.3, \"implicitShare\": 0.5}}";
        assertThatThrownBy(() -> WorkloadSizes.parse(new ObjectMapper().readTree(json), "test.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'tiny'").hasMessageContaining("sessions must be a positive number, was 0");
        assertThatThrownBy(() -> new SessionConfig("x", 1, 1, -2, Duration.ofSeconds(1), 0, 1, 0.2, 0.5))
                .isInstanceOf(ConfigException.class).hasMessageContaining("arrivalRatePerMinute");
        assertThatThrownBy(() -> new SessionConfig("x", 1, 1, 1, Duration.ZERO, 0, 1, 0.2, 0.5))
                .isInstanceOf(ConfigException.class).hasMessageContaining("meanThinkTimeSeconds");
        assertThatThrownBy(() -> new SessionConfig("x", 1, -3, 1, Duration.ofSeconds(1), 0, 1, 0.2, 0.5))
                .isInstanceOf(ConfigException.class).hasMessageContaining("meanTurnsPerSession");
        assertThatThrownBy(() -> new SessionConfig("x", 1, 1, 1, Duration.ofSeconds(1), 1.5, 1, 0.2, 0.5))
                .isInstanceOf(ConfigException.class).hasMessageContaining("simultaneousProbability");
        assertThatThrownBy(() -> new SessionConfig("x", 1, 1, 1, Duration.ofSeconds(1), 0, -1, 0.2, 0.5))
                .isInstanceOf(ConfigException.class).hasMessageContaining("zipfExponent");
    }

    @Test
    void should_name_the_missing_field_when_a_size_lacks_it() throws Exception {
        String json = "{\"tiny\": {\"sessions\": 3}}";
        assertThatThrownBy(() -> WorkloadSizes.parse(new ObjectMapper().readTree(json), "test.json"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'meanTurnsPerSession'");
    }
}
