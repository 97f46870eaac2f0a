package dev.fameharness.runner.experiment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fameharness.api.error.ConfigException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document with the line of every field, so that an error can name the file, the line and the field
 * ({@code experiments/x.yaml:7: field 'seeds' ...}).
 */
final class LocatedYaml {

    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final ObjectMapper YAML = new ObjectMapper(FACTORY);

    final String file;
    final JsonNode root;
    private final Map<String, Integer> lines;

    private LocatedYaml(String file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    static LocatedYaml parse(String file, byte[] yaml) {
        try {
            JsonNode root = YAML.readTree(yaml);
            if (root == null || !root.isObject()) {
                throw new ConfigException(file + ":1: an experiment file must be a mapping of fields");
            }
            return new LocatedYaml(file, root, lines(yaml));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ConfigException(file + (loc == null ? "" : ":" + loc.getLineNr()) + ": not valid YAML: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The line of a dotted path such as {@code overrides.fame.tool_cache}, or of its nearest parent. */
    int line(String path) {
        String p = path;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            int dot = p.lastIndexOf('.');
            if (dot < 0) {
                return 1;
            }
            p = p.substring(0, dot);
        }
    }

    ConfigException error(String path, String message) {
        return new ConfigException(file + ":" + line(path) + ": field '" + path + "' " + message);
    }

    private static Map<String, Integer> lines(byte[] yaml) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<Boolean> inArray = new ArrayDeque<>();
        String pending = null;
        try (JsonParser p = FACTORY.createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> {
                        pending = p.currentName();
                        String full = (path.isEmpty() ? "" : String.join(".", reversed(path)) + ".") + pending;
                        out.put(full, p.currentLocation().getLineNr());
                    }
                    case START_OBJECT, START_ARRAY -> {
                        if (pending != null) {
                            path.push(pending);
                            inArray.push(t == JsonToken.START_ARRAY);
                        } else if (!inArray.isEmpty() || !path.isEmpty()) {
                            path.push("[]");
                            inArray.push(t == JsonToken.START_ARRAY);
                        } else {
                            inArray.push(t == JsonToken.START_ARRAY);
                            path.push("");
                        }
                        pending = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (!path.isEmpty()) {
                            path.pop();
                        }
                        if (!inArray.isEmpty()) {
                            inArray.pop();
                        }
                    }
                    default -> pending = null;
                }
            }
        }
        // drop the synthetic root segment
        Map<String, Integer> cleaned = new HashMap<>();
        out.forEach((k, v) -> cleaned.put(k.startsWith(".") ? k.substring(1) : k, v));
        return cleaned;
    }

    private static Iterable<String> reversed(Deque<String> path) {
        java.util.List<String> list = new java.util.ArrayList<>(path);
        java.util.Collections.reverse(list);
        return list.stream().filter(s -> !s.isEmpty()).toList();
    }
}
