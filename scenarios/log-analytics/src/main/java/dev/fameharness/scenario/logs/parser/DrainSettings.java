package dev.fameharness.scenario.logs.parser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.api.error.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Per-system Drain settings and Drain's published grouping accuracy, from {@value #RESOURCE} (the Loghub
 * benchmark's settings; the file names its source). A system not listed gets the file's {@code _default}.
 */
public final class DrainSettings {

    public static final String RESOURCE = "/dev/fameharness/scenario/logs/drain-settings.json";
    private static final JsonNode ROOT = load();

    private DrainSettings() {
    }

    private static JsonNode load() {
        try (InputStream in = DrainSettings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ConfigException("classpath resource " + RESOURCE + " is missing from the scenario jar");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The settings for a system. */
    public static Drain.Settings of(String system) {
        JsonNode n = ROOT.has(system) ? ROOT.get(system) : ROOT.get("_default");
        List<String> masks = new ArrayList<>();
        n.path("masks").forEach(m -> masks.add(m.asText()));
        return new Drain.Settings(masks, n.path("depth").asInt(4), n.path("st").asDouble(0.5));
    }

    /** Drain's grouping accuracy on this system as the Loghub benchmark publishes it, if listed. */
    public static OptionalDouble publishedAccuracy(String system) {
        JsonNode n = ROOT.path(system).path("published_accuracy");
        return n.isNumber() ? OptionalDouble.of(n.asDouble()) : OptionalDouble.empty();
    }
}
