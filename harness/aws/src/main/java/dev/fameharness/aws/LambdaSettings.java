package dev.fameharness.aws;

import dev.fameharness.api.error.ConfigException;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.preset.PresetCatalog;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a deployed function is, read from its environment variables (set by the generated template): the
 * preset, the run's namespace token (store names are {@code fame-<preset>-<token>}, as in a local run), the
 * scenario, the stores' endpoints, the model and, for the agent functions, the tool-server function to invoke.
 * Every error names the variable and the accepted values.
 *
 * <ul>
 *   <li>{@code FAME_PRESET} (required), {@code FAME_PRESET_OVERRIDES} (JSON object of preset fields)</li>
 *   <li>{@code FAME_RUN_TOKEN} (required): 1-24 of [a-z0-9]</li>
 *   <li>{@code FAME_SCENARIO} (default paper-summarization), {@code FAME_CORPUS} (folder of the corpus)</li>
 *   <li>{@code FAME_DYNAMODB_ENDPOINT}, {@code FAME_S3_ENDPOINT}, {@code FAME_REDIS_ENDPOINT}: required for the
 *       stores the preset uses (on AWS the regional endpoints; Lambda has no local server to fall back on)</li>
 *   <li>{@code FAME_MODEL}: simulated (default) or openai ({@code OPENAI_API_KEY}, {@code FAME_MODEL_BASE_URL},
 *       {@code FAME_MODEL_NAME})</li>
 *   <li>{@code FAME_TOOL_FUNCTION}: name or ARN of the tool-server function the actor invokes; unset = the tool
 *       server runs inside the agent's function</li>
 * </ul>
 */
public record LambdaSettings(Preset preset, String runToken, String scenario, Optional<Path> corpus,
                             Map<String, URI> endpoints, String model, Map<String, String> modelOptions,
                             Optional<String> toolFunction) {

    /** The scenarios the deployment artifact holds (found by the scenario SPI). */
    public static final List<String> SCENARIOS = dev.fameharness.scenario.spi.Scenarios.discover().names();
    public static final List<String> MODELS = List.of("simulated", "openai");

    public LambdaSettings {
        endpoints = Map.copyOf(endpoints);
        modelOptions = Map.copyOf(modelOptions);
    }

    public static LambdaSettings fromEnvironment(Map<String, String> env, PresetCatalog catalog) {
        String presetName = required(env, "FAME_PRESET");
        if (!catalog.names().contains(presetName)) {
            throw new ConfigException("environment variable FAME_PRESET names unknown preset '" + presetName
                    + "'; known presets: " + String.join(", ", catalog.names()));
        }
        Preset preset = catalog.get(presetName);
        String overrides = env.get("FAME_PRESET_OVERRIDES");
        if (overrides != null && !overrides.isBlank()) {
            Map<String, Object> fields;
            try {
                fields = new com.fasterxml.jackson.databind.ObjectMapper().readValue(overrides,
                        new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() { });
            } catch (java.io.IOException e) {
                throw new ConfigException("environment variable FAME_PRESET_OVERRIDES must be a JSON object of preset "
                        + "fields, was '" + overrides + "': " + e.getMessage());
            }
            preset = preset.with(fields, "FAME_PRESET_OVERRIDES");
        }
        String token = required(env, "FAME_RUN_TOKEN");
        if (!token.matches("[a-z0-9]{1,24}")) {
            throw new ConfigException("environment variable FAME_RUN_TOKEN must be 1-24 of [a-z0-9], was '" + token + "'");
        }
        String scenario = env.getOrDefault("FAME_SCENARIO", "paper-summarization");
        if (!SCENARIOS.contains(scenario)) {
            throw new ConfigException("environment variable FAME_SCENARIO must be one of " + SCENARIOS + ", was '"
                    + scenario + "'");
        }
        Map<String, URI> endpoints = new LinkedHashMap<>();
        for (String store : storesOf(preset)) {
            String var = "FAME_" + store.toUpperCase(java.util.Locale.ROOT) + "_ENDPOINT";
            String value = env.get(var);
            if (value == null || value.isBlank()) {
                throw new ConfigException("preset '" + preset.name() + "' keeps state in " + store
                        + ": set environment variable " + var + " (e.g. https://" + store + ".us-east-1.amazonaws.com)");
            }
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new ConfigException("environment variable " + var + " must be a URL, was '" + value + "'");
            }
            endpoints.put(store, uri);
        }
        String model = env.getOrDefault("FAME_MODEL", "simulated");
        if (!MODELS.contains(model)) {
            throw new ConfigException("environment variable FAME_MODEL must be one of " + MODELS + ", was '" + model + "'");
        }
        Map<String, String> modelOptions = new LinkedHashMap<>();
        modelOptions.put("base_url", env.getOrDefault("FAME_MODEL_BASE_URL", "https://api.openai.com/v1"));
        modelOptions.put("model", env.getOrDefault("FAME_MODEL_NAME", "gpt-4o-mini"));
        Optional<Path> corpus = Optional.ofNullable(env.get("FAME_CORPUS")).filter(v -> !v.isBlank()).map(Path::of);
        Optional<String> tools = Optional.ofNullable(env.get("FAME_TOOL_FUNCTION")).filter(v -> !v.isBlank());
        return new LambdaSettings(preset, token, scenario, corpus, endpoints, model, modelOptions, tools);
    }

    /** The back ends ({@code dynamodb}, {@code redis}, {@code s3}) a preset keeps state in (as ArchitectureFactory opens them). */
    public static List<String> storesOf(Preset preset) {
        java.util.Set<String> stores = new java.util.LinkedHashSet<>();
        if (!"payload".equals(preset.state())) {
            String kv = "single".equals(preset.state()) ? preset.singleStore() : preset.hotStore();
            stores.add(kv);
            if ("tiered".equals(preset.state()) || preset.toolCache()) {
                stores.add("s3");
            }
        }
        return List.copyOf(stores);
    }

    private static String required(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new ConfigException("environment variable " + name + " is not set; the generated template sets it "
                    + "on every function");
        }
        return v;
    }
}
