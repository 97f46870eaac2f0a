package dev.fameharness.runner.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.runner.preset.Preset;
import dev.fameharness.runner.preset.PresetCatalog;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An experiment file (YAML), declarative as a SeBS benchmark config: which scenario and session size, which
 * presets (with per-preset overrides), which seeds, which clock and model, which back ends or endpoints,
 * which faults. Every error names the file, the line and the field.
 *
 * <pre>
 * name: paper-reproduction
 * scenario: paper-summarization
 * size: default                 # quick | default | large
 * presets: [fame, stateless-payload]
 * baseline: stateless-payload   # the preset every other one is compared with
 * also_baselines: [stateless]    # further presets every other one is compared with (claims.json, REPORT.md)
 * seeds: [1, 2, 3]
 * clock: virtual                # virtual | wall
 * model: simulated              # simulated | openai | replay
 * model_options: {base_url: ..., model: gpt-4o-mini, replay_dir: ..., record_dir: ...}
 * endpoints: {dynamodb: http://127.0.0.1:8000}   # existing servers instead of launched ones
 * overrides: {fame: {offload_threshold_bytes: 4096}}
 * faults: {store_throttle: 0.05}
 * corpus: ../shared/corpus
 * prompt_caching: true          # the model provider's automatic prompt caching (false = off)
 * settings: {read_budget_bytes: 24576}   # scenario settings for every preset (recorded in run.json)
 * workload: {zipfExponent: 1.5}  # overrides of the session set's shape (keys of the scenario's sizes file)
 * </pre>
 */
public record Experiment(String name, String source, String scenario, String size, List<Preset> presets,
                         String baseline, List<Long> seeds, String clock, double wallDelayScale, String model,
                         Map<String, String> modelOptions, Map<String, URI> endpoints, Map<String, Object> faults,
                         Optional<Path> corpus, boolean promptCaching, Map<String, Object> settings,
                         Map<String, Object> workload, List<String> alsoBaselines) {

    public static final List<String> FIELDS = List.of("name", "scenario", "size", "presets", "baseline", "seeds",
            "clock", "wall_delay_scale", "model", "model_options", "endpoints", "overrides", "faults", "corpus",
            "description", "prompt_caching", "settings", "workload", "also_baselines");
    public static final List<String> SIZES = List.of("quick", "default", "large");
    public static final List<String> CLOCKS = List.of("virtual", "wall");
    public static final List<String> MODELS = List.of("simulated", "openai", "replay");
    public static final List<String> BACKENDS = List.of("dynamodb", "redis", "s3");

    public Experiment {
        presets = List.copyOf(presets);
        seeds = List.copyOf(seeds);
        alsoBaselines = List.copyOf(alsoBaselines);
        modelOptions = Map.copyOf(modelOptions);
        endpoints = Map.copyOf(endpoints);
        faults = Map.copyOf(faults);
        settings = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(settings));
        workload = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(workload));
    }

    public static Experiment load(Path file, PresetCatalog catalog) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("experiment file " + file + " cannot be read: " + e.getMessage()
                    + " (check the path; experiments live in experiments/)", e);
        }
        return parse(file.toString(), bytes, catalog);
    }

    public static Experiment parse(String file, byte[] yaml, PresetCatalog catalog) {
        LocatedYaml doc = LocatedYaml.parse(file, yaml);
        JsonNode root = doc.root;
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!FIELDS.contains(f)) {
                throw doc.error(f, "is unknown; accepted fields: " + String.join(", ", FIELDS));
            }
        }
        String name = text(doc, "name", null);
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw doc.error("name", "must be 1-64 of [a-z0-9-] (it names the results folder), was '" + name + "'");
        }
        dev.fameharness.scenario.spi.Scenarios scenarios = dev.fameharness.scenario.spi.Scenarios.discover();
        String scenario = oneOf(doc, "scenario", scenarios.names(), scenarios.defaultName());
        String size = oneOf(doc, "size", SIZES, "quick");
        String clock = oneOf(doc, "clock", CLOCKS, "virtual");
        String model = oneOf(doc, "model", MODELS, "simulated");
        double scale = root.has("wall_delay_scale") ? number(doc, "wall_delay_scale") : 1.0;
        if (scale < 0) {
            throw doc.error("wall_delay_scale", "must be >= 0, was " + scale);
        }

        List<Long> seeds = new ArrayList<>();
        JsonNode s = root.path("seeds");
        if (s.isMissingNode()) {
            seeds.add(42L);
        } else if (!s.isArray() || s.isEmpty()) {
            throw doc.error("seeds", "must be a non-empty list of whole numbers, e.g. [1, 2, 3]");
        } else {
            for (JsonNode n : s) {
                if (!n.canConvertToLong() || !n.isIntegralNumber()) {
                    throw doc.error("seeds", "must hold whole numbers only, found '" + n.asText() + "'");
                }
                if (n.asLong() < 0) {
                    throw doc.error("seeds", "must hold seeds >= 0, found " + n.asLong());
                }
                if (seeds.contains(n.asLong())) {
                    throw doc.error("seeds", "lists seed " + n.asLong() + " twice");
                }
                seeds.add(n.asLong());
            }
        }

        Map<String, Map<String, Object>> overrides = new LinkedHashMap<>();
        JsonNode o = root.path("overrides");
        if (!o.isMissingNode()) {
            if (!o.isObject()) {
                throw doc.error("overrides", "must map preset names to fields, e.g. {fame: {tool_cache: false}}");
            }
            o.fields().forEachRemaining(e -> {
                if (!e.getValue().isObject()) {
                    throw doc.error("overrides." + e.getKey(), "must be a mapping of preset fields");
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                e.getValue().fields().forEachRemaining(f -> fields.put(f.getKey(), scalar(f.getValue())));
                overrides.put(e.getKey(), fields);
            });
        }

        List<Preset> presets = new ArrayList<>();
        JsonNode p = root.path("presets");
        if (!p.isArray() || p.isEmpty()) {
            throw doc.error("presets", "must be a non-empty list of preset names; known: " + String.join(", ", catalog.names()));
        }
        for (JsonNode n : p) {
            String presetName = n.asText();
            if (!catalog.names().contains(presetName)) {
                throw doc.error("presets", "names unknown preset '" + presetName + "'; known presets: "
                        + String.join(", ", catalog.names()));
            }
            if (presets.stream().anyMatch(x -> x.name().equals(presetName))) {
                throw doc.error("presets", "lists preset '" + presetName + "' twice");
            }
            Preset preset = catalog.get(presetName);
            if (overrides.containsKey(presetName)) {
                try {
                    preset = preset.with(overrides.get(presetName), file + " overrides");
                } catch (ConfigException e) {
                    throw new ConfigException(file + ":" + doc.line("overrides." + presetName) + ": " + e.getMessage());
                }
            }
            presets.add(preset);
        }
        for (String key : overrides.keySet()) {
            if (presets.stream().noneMatch(x -> x.name().equals(key))) {
                throw doc.error("overrides." + key, "overrides preset '" + key + "', which is not in presets");
            }
        }
        String baseline = text(doc, "baseline", presets.get(presets.size() - 1).name());
        if (presets.stream().noneMatch(x -> x.name().equals(baseline))) {
            throw doc.error("baseline", "must be one of the experiment's presets, was '" + baseline + "'");
        }

        Map<String, String> modelOptions = new LinkedHashMap<>();
        root.path("model_options").fields().forEachRemaining(e -> modelOptions.put(e.getKey(), e.getValue().asText()));
        Map<String, URI> endpoints = new LinkedHashMap<>();
        JsonNode ep = root.path("endpoints");
        if (!ep.isMissingNode() && !ep.isObject()) {
            throw doc.error("endpoints", "must map back ends (" + String.join(", ", BACKENDS) + ") to URLs");
        }
        ep.fields().forEachRemaining(e -> {
            if (!BACKENDS.contains(e.getKey())) {
                throw doc.error("endpoints." + e.getKey(), "is not a back end; accepted: " + String.join(", ", BACKENDS));
            }
            try {
                URI uri = URI.create(e.getValue().asText());
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException("no scheme or host");
                }
                endpoints.put(e.getKey(), uri);
            } catch (IllegalArgumentException ex) {
                throw doc.error("endpoints." + e.getKey(), "must be a URL such as http://127.0.0.1:8000, was '"
                        + e.getValue().asText() + "'");
            }
        });
        Map<String, Object> faults = new LinkedHashMap<>();
        JsonNode fa = root.path("faults");
        if (!fa.isMissingNode() && !fa.isObject()) {
            throw doc.error("faults", "must map fault kinds to probabilities, e.g. {store_throttle: 0.05}");
        }
        fa.fields().forEachRemaining(e -> faults.put(e.getKey(), scalar(e.getValue())));
        try {
            dev.fameharness.faults.FaultPlan.fromMap(faults);
        } catch (ConfigException ex) {
            String field = ex.getMessage() != null && ex.getMessage().contains("faults.")
                    ? ex.getMessage().replaceAll("(?s).*?(faults\\.[a-z_]+).*", "$1") : "faults";
            throw new ConfigException(file + ":" + doc.line(field) + ": " + ex.getMessage());
        }
        Optional<Path> corpus = root.has("corpus") ? Optional.of(Path.of(root.get("corpus").asText())) : Optional.empty();
        JsonNode caching = root.path("prompt_caching");
        if (!caching.isMissingNode() && !caching.isBoolean()) {
            throw doc.error("prompt_caching", "must be true or false, was '" + caching.asText() + "'");
        }
        // settings and workload keys are the scenario's: it checks them (naming the key) when the run opens it
        Map<String, Object> settings = scalars(doc, "settings",
                "scenario setting names to values, e.g. {read_budget_bytes: 24576}");
        Map<String, Object> workload = scalars(doc, "workload", "workload shape keys to values, e.g. {zipfExponent: 1.5}");
        return new Experiment(name, file, scenario, size, presets, baseline, seeds, clock, scale, model, modelOptions,
                endpoints, faults, corpus, caching.isMissingNode() || caching.asBoolean(), settings, workload,
                alsoBaselines(doc, presets, baseline));
    }

    /** This experiment with other scenario settings and workload-shape overrides (what a sensitivity level varies). */
    public Experiment withOverrides(Map<String, Object> newSettings, Map<String, Object> newWorkload) {
        return new Experiment(name, source, scenario, size, presets, baseline, seeds, clock, wallDelayScale, model,
                modelOptions, endpoints, faults, corpus, promptCaching, newSettings, newWorkload, alsoBaselines);
    }

    private static List<String> alsoBaselines(LocatedYaml doc, List<Preset> presets, String baseline) {
        List<String> out = new ArrayList<>();
        JsonNode n = doc.root.path("also_baselines");
        if (n.isMissingNode()) {
            return out;
        }
        if (!n.isArray()) {
            throw doc.error("also_baselines", "must be a list of preset names, e.g. [stateless]");
        }
        for (JsonNode b : n) {
            String name = b.asText();
            if (presets.stream().noneMatch(p -> p.name().equals(name))) {
                throw doc.error("also_baselines", "must name the experiment's presets, was '" + name + "'");
            }
            if (name.equals(baseline) || out.contains(name)) {
                throw doc.error("also_baselines", "lists '" + name + "' twice (or the baseline itself)");
            }
            out.add(name);
        }
        return out;
    }

    private static Map<String, Object> scalars(LocatedYaml doc, String field, String what) {
        Map<String, Object> out = new LinkedHashMap<>();
        JsonNode n = doc.root.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw doc.error(field, "must map " + what);
        }
        n.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw doc.error(field + "." + e.getKey(), "must be a number, true/false or text, was " + e.getValue());
            }
            out.put(e.getKey(), scalar(e.getValue()));
        });
        return out;
    }

    /** This experiment with other presets/seeds/size (command-line overrides). */
    public Experiment with(List<Preset> newPresets, List<Long> newSeeds, String newSize) {
        String base = newPresets.stream().anyMatch(p -> p.name().equals(baseline)) ? baseline
                : newPresets.get(newPresets.size() - 1).name();
        return new Experiment(name, source, scenario, newSize, newPresets, base, newSeeds, clock, wallDelayScale,
                model, modelOptions, endpoints, faults, corpus, promptCaching, settings, workload,
                alsoBaselines.stream().filter(b -> newPresets.stream().anyMatch(p -> p.name().equals(b))).toList());
    }

    /** This experiment with one more model option (e.g. {@code record_dir} from {@code --record}). */
    public Experiment withModelOption(String key, String value) {
        Map<String, String> options = new LinkedHashMap<>(modelOptions);
        options.put(key, value);
        return new Experiment(name, source, scenario, size, presets, baseline, seeds, clock, wallDelayScale,
                model, options, endpoints, faults, corpus, promptCaching, settings, workload, alsoBaselines);
    }

    /** This experiment reading another corpus folder ({@code --corpus}). */
    public Experiment withCorpus(Optional<Path> newCorpus) {
        return new Experiment(name, source, scenario, size, presets, baseline, seeds, clock, wallDelayScale,
                model, modelOptions, endpoints, faults, newCorpus, promptCaching, settings, workload, alsoBaselines);
    }

    /** This experiment on another clock ({@code --clock}); refused unless one of {@link #CLOCKS}. */
    public Experiment withClock(String newClock) {
        if (!CLOCKS.contains(newClock)) {
            throw new ConfigException("--clock must be one of " + CLOCKS + ", was '" + newClock + "'");
        }
        return new Experiment(name, source, scenario, size, presets, baseline, seeds, newClock, wallDelayScale,
                model, modelOptions, endpoints, faults, corpus, promptCaching, settings, workload, alsoBaselines);
    }

    private static Object scalar(JsonNode n) {
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        return n.asText();
    }

    private static String text(LocatedYaml doc, String field, String fallback) {
        JsonNode n = doc.root.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        if (!n.isTextual()) {
            throw doc.error(field, "must be text, was " + n);
        }
        return n.asText();
    }

    private static double number(LocatedYaml doc, String field) {
        JsonNode n = doc.root.path(field);
        if (!n.isNumber()) {
            throw doc.error(field, "must be a number, was '" + n.asText() + "'");
        }
        return n.asDouble();
    }

    private static String oneOf(LocatedYaml doc, String field, List<String> allowed, String fallback) {
        String v = text(doc, field, fallback);
        if (!allowed.contains(v)) {
            throw doc.error(field, "must be one of " + allowed + ", was '" + v + "'");
        }
        return v;
    }

    static Set<String> fields() {
        return Set.copyOf(FIELDS);
    }
}
