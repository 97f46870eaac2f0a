package dev.fameharness.runner.preset;

import dev.fameharness.api.error.ConfigException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named architecture: one composition of topology, state placement, tool cache and memory on the shared
 * agent. Presets are small YAML files under {@code presets/} on the classpath (fame-impl and baselines ship
 * theirs), discovered by {@link PresetCatalog}; fields use the file's snake_case names.
 */
public record Preset(String name, String description, String topology, String state, String hotStore,
                     String singleStore, long offloadThresholdBytes, boolean references,
                     long referenceThresholdBytes, boolean toolCache, Duration cacheTtl, boolean memory,
                     int chunkBytes, boolean freeState, boolean perfectCache, int functionMemoryMb,
                     boolean clientHistory, String source, Map<String, Object> fields) {

    public static final List<String> TOPOLOGIES = List.of("separate", "fused", "monolithic");
    public static final List<String> STATES = List.of("payload", "tiered", "single");
    public static final List<String> KV_STORES = List.of("dynamodb", "redis");
    public static final List<String> SINGLE_STORES = List.of("dynamodb", "s3", "redis");

    /** Every field a preset file may have, with its default. */
    static final Map<String, Object> DEFAULTS = defaults();

    private static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", null);
        d.put("description", "");
        d.put("topology", "separate");
        d.put("state", "payload");
        d.put("hot_store", "dynamodb");
        d.put("single_store", "dynamodb");
        d.put("offload_threshold_bytes", 16384);
        d.put("references", false);
        d.put("reference_threshold_bytes", 4096);
        d.put("tool_cache", false);
        d.put("cache_ttl", "PT24H");
        d.put("memory", false);
        d.put("chunk_bytes", 0);
        d.put("free_state", false);
        d.put("perfect_cache", false);
        d.put("function_memory_mb", 1024);
        d.put("client_history", false);
        return d;
    }

    public Preset {
        Objects.requireNonNull(name, "name");
        fields = Map.copyOf(fields);
    }

    /** Builds a preset from a file's fields, naming the file and field in every error. */
    public static Preset fromFields(Map<String, Object> raw, String source) {
        for (String key : raw.keySet()) {
            if (!DEFAULTS.containsKey(key)) {
                throw new ConfigException(source + ": unknown field '" + key + "'; accepted fields: "
                        + String.join(", ", DEFAULTS.keySet()));
            }
        }
        Map<String, Object> f = new LinkedHashMap<>(DEFAULTS);
        f.putAll(raw);
        String name = string(f, "name", source);
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new ConfigException(source + ": field 'name' must be 1-64 of [a-z0-9-], was '" + name + "'");
        }
        String topology = oneOf(f, "topology", TOPOLOGIES, source);
        String state = oneOf(f, "state", STATES, source);
        String hot = oneOf(f, "hot_store", KV_STORES, source);
        String single = oneOf(f, "single_store", SINGLE_STORES, source);
        long offload = nonNegative(f, "offload_threshold_bytes", source);
        long refThreshold = nonNegative(f, "reference_threshold_bytes", source);
        long chunk = nonNegative(f, "chunk_bytes", source);
        long memoryMb = nonNegative(f, "function_memory_mb", source);
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new ConfigException(source + ": field 'function_memory_mb' must be 128-10240 (Lambda's range), was "
                    + memoryMb);
        }
        Duration ttl;
        try {
            ttl = Duration.parse(String.valueOf(f.get("cache_ttl")));
        } catch (DateTimeParseException e) {
            throw new ConfigException(source + ": field 'cache_ttl' must be an ISO-8601 duration such as PT24H, was '"
                    + f.get("cache_ttl") + "'");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new ConfigException(source + ": field 'cache_ttl' must be positive, was " + ttl);
        }
        boolean references = bool(f, "references", source);
        if (!"payload".equals(state) && !references) {
            throw new ConfigException(source + ": state '" + state + "' stores artifacts and needs references: true");
        }
        if ("payload".equals(state) && (bool(f, "memory", source) || bool(f, "tool_cache", source))) {
            throw new ConfigException(source + ": state 'payload' has no store, so it cannot have memory or tool_cache");
        }
        boolean clientHistory = bool(f, "client_history", source);
        if (clientHistory && bool(f, "memory", source)) {
            throw new ConfigException(source + ": fields 'memory' (stored session memory) and 'client_history' (the "
                    + "client sends the conversation) are two kinds of memory; choose one");
        }
        return new Preset(name, String.valueOf(f.get("description")), topology, state, hot, single, offload,
                references, refThreshold, bool(f, "tool_cache", source), ttl, bool(f, "memory", source), (int) chunk,
                bool(f, "free_state", source), bool(f, "perfect_cache", source), (int) memoryMb, clientHistory, source,
                f);
    }

    /** This preset with some fields replaced (sweeps, experiment overrides); re-validated. */
    public Preset with(Map<String, Object> overrides, String why) {
        Map<String, Object> f = new LinkedHashMap<>(fields);
        f.putAll(overrides);
        return fromFields(f, source + " with " + why);
    }

    private static String string(Map<String, Object> f, String key, String source) {
        Object v = f.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static String oneOf(Map<String, Object> f, String key, List<String> allowed, String source) {
        String v = String.valueOf(f.get(key));
        if (!allowed.contains(v)) {
            throw new ConfigException(source + ": field '" + key + "' must be one of " + allowed + ", was '" + v + "'");
        }
        return v;
    }

    private static long nonNegative(Map<String, Object> f, String key, String source) {
        Object v = f.get(key);
        long n;
        try {
            if ((v instanceof Double || v instanceof Float) && ((Number) v).doubleValue() % 1 != 0) {
                throw new NumberFormatException("not whole");
            }
            n = v instanceof Number num ? num.longValue() : Long.parseLong(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new ConfigException(source + ": field '" + key + "' must be a whole number, was '" + v + "'");
        }
        if (n < 0) {
            throw new ConfigException(source + ": field '" + key + "' must be >= 0, was " + n);
        }
        return n;
    }

    private static boolean bool(Map<String, Object> f, String key, String source) {
        Object v = f.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equals(String.valueOf(v)) || "false".equals(String.valueOf(v))) {
            return Boolean.parseBoolean(String.valueOf(v));
        }
        throw new ConfigException(source + ": field '" + key + "' must be true or false, was '" + v + "'");
    }
}
