package dev.fameharness.scenario.papers.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.api.error.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named workload sizes of {@value #RESOURCE} (on the classpath): {@code quick}, {@code default},
 * {@code large}. Sizes are listed only in that file.
 */
public final class WorkloadSizes {

    public static final String RESOURCE = "/dev/fameharness/scenario/papers/sessions/workload-sizes.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkloadSizes() {
    }

    /** All sizes in file order. */
    public static Map<String, SessionConfig> all() {
        try (InputStream in = WorkloadSizes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ConfigException("classpath resource " + RESOURCE + " is missing from the scenario jar");
            }
            return parse(JSON.readTree(in), RESOURCE);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The size with that name. */
    public static SessionConfig named(String name) {
        Map<String, SessionConfig> all = all();
        SessionConfig config = all.get(name);
        if (config == null) {
            throw new ConfigException("unknown workload size '" + name + "'; known sizes: " + all.keySet()
                    + " (defined in " + RESOURCE + ")");
        }
        return config;
    }

    /** Parses a sizes document: an object of named sizes; keys starting with '_' are comments. */
    static Map<String, SessionConfig> parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new ConfigException(source + " must be a JSON object of named workload sizes");
        }
        Map<String, SessionConfig> sizes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().startsWith("_")) {
                continue;
            }
            String name = entry.getKey();
            JsonNode size = entry.getValue();
            sizes.put(name, new SessionConfig(name,
                    (int) number(size, "sessions", name, source),
                    (int) number(size, "meanTurnsPerSession", name, source),
                    number(size, "arrivalRatePerMinute", name, source),
                    Duration.ofMillis(Math.round(number(size, "meanThinkTimeSeconds", name, source) * 1000)),
                    number(size, "simultaneousProbability", name, source),
                    number(size, "zipfExponent", name, source),
                    number(size, "followUpShare", name, source),
                    number(size, "implicitShare", name, source)));
        }
        return sizes;
    }

    private static double number(JsonNode size, String field, String name, String source) {
        JsonNode value = size.get(field);
        if (value == null || !value.isNumber()) {
            throw new ConfigException(source + ": workload size '" + name + "' needs a number field '" + field
                    + "', found " + (value == null ? "none" : value.toString()));
        }
        return value.asDouble();
    }
}
