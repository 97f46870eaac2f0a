package dev.fameharness.scenario.papers.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads fields of tool-call arguments; malformed JSON reads as empty. */
final class JsonArgs {

    static final ObjectMapper JSON = new ObjectMapper();

    private JsonArgs() {
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static String string(String json, String field) {
        return parse(json).path(field).asText("");
    }

    static long integer(String json, String field) {
        return parse(json).path(field).asLong(-1);
    }

    static String object(Object... keyValues) {
        var node = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            if (v instanceof Number n) {
                node.put((String) keyValues[i], n.longValue());
            } else {
                node.put((String) keyValues[i], String.valueOf(v));
            }
        }
        return node.toString();
    }
}
