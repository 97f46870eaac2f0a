package dev.fameharness.runner.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fameharness.api.error.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presets come from their files only: discovery, validation with the source and field in every error, overrides. */
class PresetCatalogTest {

    private static final List<String> SHIPPED = List.of("fame", "fame-redis", "fame-fused", "fame-no-cache",
            "fame-no-memory", "fame-refs-only", "stateless-payload", "single-dynamodb", "single-dynamodb-chunked",
            "single-s3", "single-redis", "monolithic", "oracle");

    private static Preset parse(String yaml) {
        return PresetCatalog.parse(yaml.getBytes(StandardCharsets.UTF_8), "x.yaml");
    }

    @Test
    void should_discover_every_shipped_preset_from_its_own_file_when_scanning_the_classpath() {
        PresetCatalog catalog = PresetCatalog.discover();

        assertThat(catalog.names()).containsAll(SHIPPED);
        assertThat(catalog.all()).hasSameSizeAs(catalog.names()).allSatisfy(p ->
                assertThat(p.source()).as("source of %s", p.name()).contains("presets/" + p.name() + ".yaml"));
    }

    @Test
    void should_compose_fame_and_the_stateless_baseline_as_the_design_names_them_when_loading_their_files() {
        PresetCatalog catalog = PresetCatalog.discover();

        Preset fame = catalog.get("fame");
        assertThat(fame.topology()).isEqualTo("separate");
        assertThat(fame.state()).isEqualTo("tiered");
        assertThat(fame.hotStore()).isEqualTo("dynamodb");
        assertThat(fame.references()).isTrue();
        assertThat(fame.toolCache()).isTrue();
        assertThat(fame.memory()).isTrue();
        Preset stateless = catalog.get("stateless-payload");
        assertThat(stateless.state()).isEqualTo("payload");
        assertThat(stateless.references()).isFalse();
        assertThat(stateless.toolCache()).isFalse();
        assertThat(stateless.memory()).isFalse();
        assertThat(catalog.get("monolithic").topology()).isEqualTo("monolithic");
        assertThat(catalog.get("fame-fused").topology()).isEqualTo("fused");
        assertThat(catalog.get("oracle").freeState()).isTrue();
        assertThat(catalog.get("oracle").perfectCache()).isTrue();
    }

    @Test
    void should_name_the_preset_and_list_known_ones_when_preset_is_unknown() {
        PresetCatalog catalog = PresetCatalog.discover();

        assertThatThrownBy(() -> catalog.get("fame-turbo"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'fame-turbo'")
                .hasMessageContaining("known presets")
                .hasMessageContaining("fame, ")
                .hasMessageContaining("stateless-payload")
                .hasMessageContaining("monolithic");
    }

    @Test
    void should_fill_defaults_when_file_names_only_the_preset() {
        Preset p = parse("name: bare\n");

        assertThat(p.name()).isEqualTo("bare");
        assertThat(p.topology()).isEqualTo("separate");
        assertThat(p.state()).isEqualTo("payload");
        assertThat(p.offloadThresholdBytes()).isEqualTo(16_384);
        assertThat(p.cacheTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(p.functionMemoryMb()).isEqualTo(1024);
        assertThat(p.source()).isEqualTo("x.yaml");
    }

    @Test
    void should_name_source_and_line_when_yaml_is_malformed() {
        assertThatThrownBy(() -> parse("name: broken\ntopology: [separate\nstate: payload\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageMatching("(?s)x\\.yaml:[2-4]:\\d+: not valid YAML.*");
    }

    @Test
    void should_reject_a_document_that_is_not_a_mapping_when_parsing() {
        assertThatThrownBy(() -> parse("- fame\n- monolithic\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("x.yaml")
                .hasMessageContaining("mapping");
    }

    @Test
    void should_name_source_and_field_and_list_accepted_fields_when_field_is_unknown() {
        assertThatThrownBy(() -> parse("name: odd\ncolour: blue\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("x.yaml")
                .hasMessageContaining("'colour'")
                .hasMessageContaining("offload_threshold_bytes");
    }

    @Test
    void should_name_source_field_value_and_choices_when_enum_value_is_bad() {
        assertThatThrownBy(() -> parse("name: odd\ntopology: ring\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("x.yaml")
                .hasMessageContaining("'topology'")
                .hasMessageContaining("'ring'")
                .hasMessageContaining("separate, fused, monolithic");
        assertThatThrownBy(() -> parse("name: odd\nstate: tiered\nreferences: true\nhot_store: s3\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'hot_store'")
                .hasMessageContaining("'s3'");
    }

    @Test
    void should_name_source_and_field_when_threshold_is_negative() {
        assertThatThrownBy(() -> parse("name: odd\nstate: tiered\nreferences: true\noffload_threshold_bytes: -1\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("x.yaml")
                .hasMessageContaining("'offload_threshold_bytes'")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> parse("name: odd\nreference_threshold_bytes: many\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'reference_threshold_bytes'")
                .hasMessageContaining("whole number");
    }

    @Test
    void should_reject_inconsistent_compositions_when_fields_contradict_each_other() {
        assertThatThrownBy(() -> parse("name: odd\nstate: payload\nmemory: true\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("x.yaml").hasMessageContaining("memory");
        assertThatThrownBy(() -> parse("name: odd\nstate: tiered\nreferences: false\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("x.yaml").hasMessageContaining("references");
        assertThatThrownBy(() -> parse("name: odd\nfunction_memory_mb: 64\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'function_memory_mb'");
        assertThatThrownBy(() -> parse("name: odd\ncache_ttl: tomorrow\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'cache_ttl'");
        assertThatThrownBy(() -> parse("name: Not_A_Name\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'name'");
    }

    @Test
    void should_apply_and_revalidate_overrides_when_preset_is_derived_with() {
        Preset fame = PresetCatalog.discover().get("fame");

        Preset smaller = fame.with(Map.of("offload_threshold_bytes", 4096), "a sweep");
        assertThat(smaller.offloadThresholdBytes()).isEqualTo(4096);
        assertThat(smaller.name()).isEqualTo("fame");
        assertThat(smaller.toolCache()).isEqualTo(fame.toolCache());
        assertThat(fame.offloadThresholdBytes()).isEqualTo(16_384);

        assertThatThrownBy(() -> fame.with(Map.of("offload_threshold_bytes", -4096), "a sweep"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("fame.yaml")
                .hasMessageContaining("with a sweep")
                .hasMessageContaining("'offload_threshold_bytes'");
        assertThatThrownBy(() -> fame.with(Map.of("state", "payload"), "a sweep"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("payload");
        assertThatThrownBy(() -> fame.with(Map.of("tiering", true), "a sweep"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'tiering'");
    }

    @Test
    void should_let_a_user_folder_override_a_shipped_preset_when_names_clash(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("fame.yaml"), "name: fame\ndescription: mine\n");
        Files.writeString(folder.resolve("notes.txt"), "not a preset");

        PresetCatalog catalog = PresetCatalog.discover(List.of(folder));

        assertThat(catalog.get("fame").description()).isEqualTo("mine");
        assertThat(catalog.get("fame").source()).contains(folder.toString());
        assertThat(catalog.names()).containsAll(SHIPPED);
    }

    @Test
    void should_name_the_folder_when_user_preset_folder_is_missing(@TempDir Path folder) {
        Path missing = folder.resolve("nowhere");

        assertThatThrownBy(() -> PresetCatalog.discover(List.of(missing)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString());
    }
}
