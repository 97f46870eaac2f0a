package dev.fameharness.runner.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.preset.PresetCatalog;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiment files: a valid file parses; every bad input names the file, the line and the field. */
class ExperimentTest {

    private static final String FILE = "experiments/tiny.yaml";

    /** A valid experiment, one field per line: line n is VALID.get(n - 1). */
    private static final List<String> VALID = List.of(
            "name: tiny",                                  // 1
            "scenario: paper-summarization",               // 2
            "size: quick",                                 // 3
            "presets: [fame, stateless-payload]",          // 4
            "baseline: stateless-payload",                 // 5
            "seeds: [1, 2]",                               // 6
            "clock: virtual",                              // 7
            "model: simulated");                           // 8

    private static PresetCatalog catalog;

    @BeforeAll
    static void discoverPresets() {
        catalog = PresetCatalog.discover();
    }

    /** The valid file with line {@code line} (1-based) replaced; a line past the end is appended. */
    private static String with(int line, String text) {
        List<String> lines = new ArrayList<>(VALID);
        if (line > lines.size()) {
            lines.add(text);
        } else {
            lines.set(line - 1, text);
        }
        return String.join("\n", lines) + "\n";
    }

    private static String appended(String... more) {
        List<String> lines = new ArrayList<>(VALID);
        lines.addAll(List.of(more));
        return String.join("\n", lines) + "\n";
    }

    private static Experiment parse(String yaml) {
        return Experiment.parse(FILE, yaml.getBytes(StandardCharsets.UTF_8), catalog);
    }

    /** Asserts the error names the file and line as {@code file:line:} and the field. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertError(String yaml, int line, String field) {
        return assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(FILE + ":" + line + ":")
                .hasMessageContaining("'" + field + "'");
    }

    @Test
    void should_parse_every_field_when_file_is_valid() {
        Experiment e = parse(appended(
                "wall_delay_scale: 0.5",
                "model_options: {model: gpt-4o-mini}",
                "endpoints:",
                "  dynamodb: http://127.0.0.1:8000",
                "overrides:",
                "  fame: {offload_threshold_bytes: 4096, tool_cache: false}",
                "faults: {store_throttle: 0.05}"));

        assertThat(e.name()).isEqualTo("tiny");
        assertThat(e.source()).isEqualTo(FILE);
        assertThat(e.scenario()).isEqualTo("paper-summarization");
        assertThat(e.size()).isEqualTo("quick");
        assertThat(e.presets()).extracting(Preset::name).containsExactly("fame", "stateless-payload");
        assertThat(e.baseline()).isEqualTo("stateless-payload");
        assertThat(e.seeds()).containsExactly(1L, 2L);
        assertThat(e.clock()).isEqualTo("virtual");
        assertThat(e.model()).isEqualTo("simulated");
        assertThat(e.wallDelayScale()).isEqualTo(0.5);
        assertThat(e.modelOptions()).containsEntry("model", "gpt-4o-mini");
        assertThat(e.endpoints()).containsEntry("dynamodb", URI.create("http://127.0.0.1:8000"));
        assertThat(e.faults()).containsEntry("store_throttle", 0.05);
        Preset fame = e.presets().get(0);
        assertThat(fame.offloadThresholdBytes()).isEqualTo(4096);
        assertThat(fame.toolCache()).isFalse();
        assertThat(e.presets().get(1)).isEqualTo(catalog.get("stateless-payload"));
        assertThat(e.corpus()).isEmpty();
    }

    @Test
    void should_apply_defaults_when_optional_fields_are_absent() {
        Experiment e = parse("name: bare\npresets: [monolithic, fame]\n");

        assertThat(e.size()).isEqualTo("quick");
        assertThat(e.seeds()).containsExactly(42L);
        assertThat(e.clock()).isEqualTo("virtual");
        assertThat(e.model()).isEqualTo("simulated");
        assertThat(e.baseline()).isEqualTo("fame");
        assertThat(e.scenario()).isEqualTo("paper-summarization");
        assertThat(e.promptCaching()).isTrue();
    }

    @Test
    void should_turn_prompt_caching_off_and_reject_a_non_boolean_when_the_field_is_given() {
        assertThat(parse("name: nocache\npresets: [fame]\nprompt_caching: false\n").promptCaching()).isFalse();
        assertError("name: nocache\npresets: [fame]\nprompt_caching: sometimes\n", 3, "prompt_caching");
    }

    @Test
    void should_parse_every_shipped_experiment_when_loading_the_experiments_folder() throws IOException {
        Path folder = Path.of("../../experiments");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }

        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Experiment e = Experiment.load(file, catalog);
            assertThat(e.presets()).as("presets of %s", file).isNotEmpty();
            assertThat(e.source()).isEqualTo(file.toString());
        }
    }

    @Test
    void should_name_line_and_field_when_top_level_field_is_unknown() {
        assertError(appended("colour: red"), 9, "colour").hasMessageContaining("accepted fields");
    }

    @Test
    void should_name_line_field_and_known_presets_when_preset_is_unknown() {
        assertError(with(4, "presets: [fame, fame-turbo]"), 4, "presets")
                .hasMessageContaining("'fame-turbo'")
                .hasMessageContaining("stateless-payload");
    }

    @Test
    void should_name_line_and_field_when_preset_is_listed_twice() {
        // two runs of one preset would share its tables, buckets and event file
        assertError(with(4, "presets: [fame, stateless-payload, fame]"), 4, "presets").hasMessageContaining("'fame'");
    }

    @Test
    void should_name_line_and_field_when_seed_is_negative() {
        assertError(with(6, "seeds: [1, -2]"), 6, "seeds").hasMessageContaining("-2");
    }

    @Test
    void should_name_line_and_field_when_seed_is_listed_twice() {
        assertError(with(6, "seeds: [3, 1, 3]"), 6, "seeds").hasMessageContaining("3");
    }

    @Test
    void should_name_line_and_field_when_seed_is_not_a_whole_number() {
        assertError(with(6, "seeds: [1, 2.5]"), 6, "seeds").hasMessageContaining("2.5");
        assertError(with(6, "seeds: [1, two]"), 6, "seeds").hasMessageContaining("two");
        assertError(with(6, "seeds: []"), 6, "seeds");
        assertError(with(6, "seeds: 7"), 6, "seeds");
    }

    @Test
    void should_name_line_field_and_choices_when_clock_is_unknown() {
        assertError(with(7, "clock: sundial"), 7, "clock").hasMessageContaining("'sundial'").hasMessageContaining("wall");
    }

    @Test
    void should_name_line_field_and_the_discovered_scenarios_when_scenario_is_unknown() {
        assertError(with(2, "scenario: stock-trading"), 2, "scenario").hasMessageContaining("'stock-trading'")
                .hasMessageContaining("paper-summarization");
    }

    @Test
    void should_name_line_field_and_choices_when_model_is_unknown() {
        assertError(with(8, "model: gpt-5"), 8, "model").hasMessageContaining("'gpt-5'").hasMessageContaining("replay");
    }

    @Test
    void should_name_line_field_and_choices_when_size_is_unknown() {
        assertError(with(3, "size: huge"), 3, "size").hasMessageContaining("'huge'").hasMessageContaining("quick");
    }

    @Test
    void should_name_nested_line_and_field_when_endpoint_is_not_a_url() {
        assertError(appended("endpoints:", "  s3: http://127.0.0.1:9000", "  dynamodb: not a url"), 11,
                "endpoints.dynamodb").hasMessageContaining("not a url");
        assertError(appended("endpoints: {memcached: http://127.0.0.1:11211}"), 9, "endpoints.memcached");
    }

    @Test
    void should_name_nested_line_and_field_when_overrides_name_a_preset_not_in_presets() {
        assertError(appended("overrides:", "  fame: {tool_cache: false}", "  single-s3: {chunk_bytes: 1}"), 11,
                "overrides.single-s3").hasMessageContaining("not in presets");
    }

    @Test
    void should_name_line_and_preset_field_when_an_override_is_invalid() {
        assertThatThrownBy(() -> parse(appended("overrides:", "  fame:", "    offload_threshold_bytes: -1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(FILE + ":10:")
                .hasMessageContaining("'offload_threshold_bytes'");
    }

    @Test
    void should_name_line_and_field_when_baseline_is_not_among_presets() {
        assertError(with(5, "baseline: monolithic"), 5, "baseline").hasMessageContaining("'monolithic'");
    }

    @Test
    void should_name_file_and_line_when_yaml_syntax_is_invalid() {
        assertThatThrownBy(() -> parse(with(5, "baseline: [stateless-payload")))
                .isInstanceOf(ConfigException.class)
                .hasMessageMatching("(?s)" + FILE.replace(".", "\\.") + ":[5-9]: not valid YAML.*");
        assertThatThrownBy(() -> parse(with(4, "presets: fame: stateless-payload")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(FILE + ":4: not valid YAML");
    }

    @Test
    void should_name_line_and_field_when_name_cannot_name_a_folder() {
        assertError(with(1, "name: ../escape"), 1, "name");
    }

    @Test
    void should_name_the_path_when_experiment_file_is_missing(@TempDir Path dir) {
        Path missing = dir.resolve("absent.yaml");

        assertThatThrownBy(() -> Experiment.load(missing, catalog))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString());
    }
}
