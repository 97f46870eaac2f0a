package dev.fameharness.strategies.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Canonical form of JSON arguments: keys sorted at every level, no insignificant whitespace, so that
 * argument order and formatting do not change a cache key. Malformed JSON is returned trimmed, as is, so
 * that it still yields a stable key (and the tool reports the error).
 */
public final class CanonicalJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private CanonicalJson() {
    }

    public static String canonical(String json) {
        try {
            JsonNode node = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
            return JSON.writeValueAsString(sort(node));
        } catch (IOException e) {
            return json == null ? "" : json.trim();
        }
    }

    private static JsonNode sort(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            for (String n : names) {
                sorted.set(n, sort(node.get(n)));
            }
            return sorted;
        }
        if (node.isArray()) {
            var arr = JSON.createArrayNode();
            node.forEach(e -> arr.add(sort(e)));
            return arr;
        }
        return node;
    }
}
