package dev.fameharness.runner.sensitivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.platform.calibration.CalibrationProfile;
import dev.fameharness.runner.experiment.WorkloadShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A sensitivity plan (YAML, e.g. {@code experiments/plans/sensitivity.yaml}): the base experiment whose paired
 * comparison is rerun, the candidate preset, and the parameters with their documented ranges. Errors name the
 * file, the parameter and the field.
 *
 * <pre>
 * name: sensitivity
 * experiment: experiments/sensitivity-base.yaml   # presets, baseline, size and seeds of every level
 * candidate: fame
 * interaction: true                               # also the two most influential parameters together
 * parameters:
 *   - {kind: profile, name: paper download, targets: [mcp.tool.fetch_paper], field: median_ms,
 *      values: [2000, 5000, 10100, 20000, 40000], range: "why these values"}
 *   - {kind: workload, name: zipfExponent, values: [0, 0.5, 1, 1.5, 2], range: "..."}
 *   - {kind: settings, name: read_budget, values: [1, 2, 3, 4, 6], range: "..."}
 * </pre>
 */
public record SensitivityPlan(String name, Path experiment, String candidate, boolean interaction,
                              List<Parameter> parameters) {

    private static final Set<String> FIELDS = Set.of("name", "description", "experiment", "candidate", "interaction",
            "parameters");
    private static final Set<String> PARAMETER_FIELDS = Set.of("kind", "name", "targets", "field", "values", "range");

    public SensitivityPlan {
        parameters = List.copyOf(parameters);
    }

    public static SensitivityPlan load(Path file, CalibrationProfile profile) {
        try {
            return parse(file.toString(), Files.readAllBytes(file), profile);
        } catch (IOException e) {
            throw new ConfigException("sensitivity plan " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    public static SensitivityPlan parse(String file, byte[] yaml, CalibrationProfile profile) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(file + ": must be a YAML mapping with name, experiment, candidate, parameters");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new ConfigException(file + ": field '" + f + "' is unknown; accepted fields: " + FIELDS);
            }
        }
        String name = root.path("name").asText("");
        if (!name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new ConfigException(file + ": field 'name' must be 1-64 of [a-z0-9-], was '" + name + "'");
        }
        String experiment = root.path("experiment").asText("");
        if (experiment.isEmpty()) {
            throw new ConfigException(file + ": field 'experiment' must name the base experiment file");
        }
        String candidate = root.path("candidate").asText("");
        if (candidate.isEmpty()) {
            throw new ConfigException(file + ": field 'candidate' must name the preset compared with the baseline");
        }
        JsonNode ps = root.path("parameters");
        if (!ps.isArray() || ps.isEmpty()) {
            throw new ConfigException(file + ": field 'parameters' must be a non-empty list of {kind, name, values}");
        }
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            Parameter p = parameter(file + ": parameters[" + i + "]", ps.get(i), profile);
            if (parameters.stream().anyMatch(x -> x.name().equals(p.name()))) {
                throw new ConfigException(file + ": parameters[" + i + "]: name '" + p.name() + "' is used twice");
            }
            parameters.add(p);
        }
        return new SensitivityPlan(name, Path.of(experiment), candidate, root.path("interaction").asBoolean(true),
                parameters);
    }

    private static Parameter parameter(String where, JsonNode n, CalibrationProfile profile) {
        if (!n.isObject()) {
            throw new ConfigException(where + ": must be a mapping {kind, name, values}");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!PARAMETER_FIELDS.contains(f)) {
                throw new ConfigException(where + ": field '" + f + "' is unknown; accepted: " + PARAMETER_FIELDS);
            }
        }
        Parameter.Kind kind = Parameter.Kind.parse(n.path("kind").asText(""), where);
        String name = n.path("name").asText("");
        if (name.isBlank()) {
            throw new ConfigException(where + ": field 'name' is required");
        }
        List<String> targets = new ArrayList<>();
        if (n.has("targets")) {
            if (!n.get("targets").isArray() || n.get("targets").isEmpty()) {
                throw new ConfigException(where + ": field 'targets' must be a non-empty list");
            }
            n.get("targets").forEach(t -> targets.add(t.asText()));
        } else {
            targets.add(name);
        }
        List<Double> values = new ArrayList<>();
        JsonNode vs = n.path("values");
        if (!vs.isArray() || vs.size() < 2) {
            throw new ConfigException(where + " (" + name + "): field 'values' must list at least two numbers");
        }
        for (JsonNode v : vs) {
            if (!v.isNumber()) {
                throw new ConfigException(where + " (" + name + "): values must be numbers, found '" + v.asText() + "'");
            }
            if (values.contains(v.asDouble())) {
                throw new ConfigException(where + " (" + name + "): value " + v.asDouble() + " is listed twice");
            }
            values.add(v.asDouble());
        }
        String field = n.path("field").asText("");
        switch (kind) {
            case PROFILE -> {
                for (String id : targets) {
                    String f = field.isEmpty() ? defaultField(profile, id) : field;
                    for (double v : values) {
                        try {
                            ProfileOverride.apply(profile, id, f, v);
                        } catch (ConfigException e) {
                            throw new ConfigException(where + " (" + name + "): " + e.getMessage());
                        }
                    }
                }
                if (field.isEmpty()) {
                    field = defaultField(profile, targets.get(0));
                }
            }
            case WORKLOAD -> {
                for (String t : targets) {
                    if (!WorkloadShape.KEYS.contains(t)) {
                        throw new ConfigException(where + " (" + name + "): '" + t + "' is not a workload shape key; "
                                + "accepted: " + WorkloadShape.KEYS);
                    }
                }
            }
            case SETTINGS -> {
                for (String t : targets) {
                    if (!t.matches("[a-z][a-z0-9_.]*")) {
                        throw new ConfigException(where + " (" + name + "): '" + t + "' is not a settings key");
                    }
                }
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
        return new Parameter(kind, name, targets, field, values, n.path("range").asText(""));
    }

    /** {@code value} for constants; {@code per_unit_ms} for a per-token/byte rate; else {@code median_ms}. */
    static String defaultField(CalibrationProfile profile, String id) {
        if (profile.constants().containsKey(id)) {
            return ProfileOverride.CONSTANT_FIELD;
        }
        if (profile.entries().containsKey(id) && profile.entry(id).perUnitMs() > 0
                && profile.entry(id).base().medianMs() == 0) {
            return "per_unit_ms";
        }
        return "median_ms";
    }
}
