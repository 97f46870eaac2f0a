package dev.fameharness.scenario.logs.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.api.error.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a log-analytics workload; named sizes come from {@value #RESOURCE} (each field is described
 * there). A shape key may be overridden by name.
 */
public record LogSessionConfig(String name, int sessions, int meanTurnsPerSession, double arrivalRatePerMinute,
                               double meanThinkTimeSeconds, double simultaneousProbability, double zipfExponent,
                               double followUpShare, double switchSystemProbability) {

    public static final String RESOURCE = "/dev/fameharness/scenario/logs/workload-sizes.json";
    public static final List<String> KEYS = List.of("sessions", "meanTurnsPerSession", "arrivalRatePerMinute",
            "meanThinkTimeSeconds", "simultaneousProbability", "zipfExponent", "followUpShare",
            "switchSystemProbability");

    public LogSessionConfig {
        check(name, "sessions", sessions, 1, 100_000);
        check(name, "meanTurnsPerSession", meanTurnsPerSession, 1, 1_000);
        check(name, "arrivalRatePerMinute", arrivalRatePerMinute, 1e-6, 1e6);
        check(name, "meanThinkTimeSeconds", meanThinkTimeSeconds, 1e-6, 1e6);
        check(name, "simultaneousProbability", simultaneousProbability, 0, 1);
        check(name, "zipfExponent", zipfExponent, 0, 10);
        check(name, "followUpShare", followUpShare, 0, 1);
        check(name, "switchSystemProbability", switchSystemProbability, 0, 1);
    }

    private static void check(String name, String field, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new ConfigException("log workload size '" + name + "': " + field + " must be in [" + min + ", " + max
                    + "], was " + v);
        }
    }

    /** All named sizes in file order. */
    public static Map<String, LogSessionConfig> all() {
        try (InputStream in = LogSessionConfig.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ConfigException("classpath resource " + RESOURCE + " is missing from the scenario jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, LogSessionConfig> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().startsWith("_")) {
                    out.put(e.getKey(), of(e.getKey(), e.getValue(), Map.of()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new ConfigException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static LogSessionConfig named(String name) {
        LogSessionConfig c = all().get(name);
        if (c == null) {
            throw new ConfigException("unknown workload size '" + name + "'; known sizes: " + all().keySet()
                    + " (defined in " + RESOURCE + ")");
        }
        return c;
    }

    /** The named size with some keys replaced. */
    public LogSessionConfig with(Map<String, Object> overrides) {
        ObjectMapper m = new ObjectMapper();
        JsonNode base = m.valueToTree(Map.of("sessions", sessions, "meanTurnsPerSession", meanTurnsPerSession,
                "arrivalRatePerMinute", arrivalRatePerMinute, "meanThinkTimeSeconds", meanThinkTimeSeconds,
                "simultaneousProbability", simultaneousProbability, "zipfExponent", zipfExponent,
                "followUpShare", followUpShare, "switchSystemProbability", switchSystemProbability));
        return of(name, base, overrides);
    }

    private static LogSessionConfig of(String name, JsonNode n, Map<String, Object> overrides) {
        for (String k : overrides.keySet()) {
            if (!KEYS.contains(k)) {
                throw new ConfigException("workload shape key '" + k + "' is unknown; accepted: " + KEYS);
            }
        }
        double[] v = new double[KEYS.size()];
        for (int i = 0; i < KEYS.size(); i++) {
            String k = KEYS.get(i);
            Object o = overrides.get(k);
            if (o != null) {
                try {
                    v[i] = o instanceof Number num ? num.doubleValue() : Double.parseDouble(o.toString());
                } catch (NumberFormatException e) {
                    throw new ConfigException("workload shape key '" + k + "' must be a number, was '" + o + "'");
                }
            } else if (n.path(k).isNumber()) {
                v[i] = n.path(k).asDouble();
            } else {
                throw new ConfigException(RESOURCE + ": size '" + name + "' needs a number field '" + k + "'");
            }
        }
        return new LogSessionConfig(name, (int) v[0], (int) v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }
}
