package dev.fameharness.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON plumbing of the interpreter: compact UTF-8 serialisation (what the payload quota counts), JSONPath
 * reads through Jayway JsonPath, ResultPath writes, and payload templates (Parameters, ResultSelector,
 * ItemSelector) with {@code .$} keys.
 */
final class JsonData {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Configuration JSONPATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .build();

    private JsonData() {
    }

    static JsonNode parse(String json, String what) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return node == null ? NullNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            throw new StatesError(StatesError.RUNTIME, what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    static byte[] bytes(JsonNode node) {
        return write(node).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Size of the node as compact UTF-8 JSON: what the state payload quota measures. Exactly
     * {@code bytes(node).length} (checked by {@code JsonDataSizeTest}), summed over the tree without writing it:
     * every state transition measures its payload, and a payload that carries a conversation holds the same long
     * strings from state to state, so each long string's size is computed once (remembered by identity).
     */
    static int size(JsonNode node) {
        if (node.isTextual()) {
            return quotedSize(node.textValue());
        }
        if (node.isObject()) {
            int n = 2 + Math.max(0, node.size() - 1);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                n += quotedSize(e.getKey()) + 1 + size(e.getValue());
            }
            return n;
        }
        if (node.isArray()) {
            int n = 2 + Math.max(0, node.size() - 1);
            for (JsonNode v : node) {
                n += size(v);
            }
            return n;
        }
        return bytes(node).length; // numbers, booleans, null: short, written as Jackson writes them
    }

    /** Strings shorter than this are measured directly: remembering them would cost more than measuring. */
    private static final int SIZE_MEMO_MIN_CHARS = 1024;

    private static final com.github.benmanes.caffeine.cache.Cache<String, Integer> STRING_SIZES =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().maximumSize(100_000).build();

    /** UTF-8 bytes of a string as Jackson writes it: quoted, {@code "} and {@code \} escaped, controls escaped. */
    private static int quotedSize(String s) {
        return s.length() < SIZE_MEMO_MIN_CHARS ? measureQuoted(s) : STRING_SIZES.get(s, JsonData::measureQuoted);
    }

    private static int measureQuoted(String s) {
        int n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                n += c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r' ? 2 : 6;
            } else if (c == '"' || c == '\\') {
                n += 2;
            } else if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n += 1; // an unpaired surrogate: String.getBytes writes '?'
            } else {
                n += 3;
            }
        }
        return n;
    }

    /**
     * Reads a path. {@code $...} is read from {@code data}, {@code $$...} from the context object.
     *
     * @throws StatesError {@code failure} when the path selects nothing
     */
    static JsonNode read(String path, JsonNode data, JsonNode context, String failure, String where) {
        JsonNode root = data;
        String p = path;
        if (path.startsWith("$$")) {
            root = context;
            p = path.substring(1);
        }
        if (!p.startsWith("$")) {
            throw new StatesError(failure, where + ": '" + path + "' is not a JSONPath (must start with $)");
        }
        if (p.equals("$")) {
            return root;
        }
        try {
            Object value = JsonPath.using(JSONPATH).parse(root).read(p);
            if (value == null) {
                return NullNode.getInstance();
            }
            return value instanceof JsonNode n ? n : MAPPER.valueToTree(value);
        } catch (InvalidPathException e) {
            throw new StatesError(failure, where + ": the JSONPath '" + path + "' could not be found in the input "
                    + write(root).length() + " bytes long (" + e.getMessage() + ")");
        } catch (JsonPathException e) {
            throw new StatesError(failure, where + ": cannot evaluate JSONPath '" + path + "': " + e.getMessage());
        }
    }

    /** True when a path selects something (Choice {@code IsPresent}). */
    static boolean present(String path, JsonNode data, JsonNode context) {
        try {
            read(path, data, context, StatesError.RUNTIME, "IsPresent");
            return true;
        } catch (StatesError e) {
            return false;
        }
    }

    /**
     * Applies a ResultPath: {@code null} discards the result (output = raw input), {@code $} replaces
     * the input, otherwise the result is written at the path into a copy of the raw input, creating
     * missing objects on the way.
     */
    static JsonNode applyResultPath(JsonNode rawInput, JsonNode result, JsonNode resultPath, String where) {
        if (resultPath == null || resultPath.isMissingNode()) {
            return result;
        }
        if (resultPath.isNull()) {
            return rawInput;
        }
        String path = resultPath.asText();
        List<Object> segments = referencePath(path, StatesError.RESULT_PATH_MATCH_FAILURE, where);
        if (segments.isEmpty()) {
            return result;
        }
        if (!rawInput.isObject()) {
            throw new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE, where + ": unable to apply ResultPath '"
                    + path + "' to an input that is not a JSON object: " + abbreviate(write(rawInput)));
        }
        JsonNode copy = rawInput.deepCopy();
        JsonNode cursor = copy;
        for (int i = 0; i < segments.size(); i++) {
            Object seg = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (seg instanceof String name) {
                if (!cursor.isObject()) {
                    throw new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE, where + ": unable to apply ResultPath '"
                            + path + "': '" + name + "' is not inside an object");
                }
                ObjectNode obj = (ObjectNode) cursor;
                if (last) {
                    obj.set(name, result);
                } else {
                    JsonNode next = obj.get(name);
                    if (next == null || next.isNull() || !(next.isObject() || next.isArray())) {
                        next = obj.putObject(name);
                    }
                    cursor = next;
                }
            } else {
                int index = (Integer) seg;
                if (!cursor.isArray() || index >= cursor.size()) {
                    throw new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE, where + ": unable to apply ResultPath '"
                            + path + "': no array element [" + index + "]");
                }
                ArrayNode arr = (ArrayNode) cursor;
                if (last) {
                    arr.set(index, result);
                } else {
                    cursor = arr.get(index);
                }
            }
        }
        return copy;
    }

    /** Splits a reference path ({@code $.a.b['c'][0]}) into names and indices. */
    static List<Object> referencePath(String path, String failure, String where) {
        if (!path.startsWith("$") || path.startsWith("$$")) {
            throw new StatesError(failure, where + ": '" + path + "' is not a reference path");
        }
        List<Object> out = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int j = i + 1;
                while (j < path.length() && path.charAt(j) != '.' && path.charAt(j) != '[') {
                    j++;
                }
                String name = path.substring(i + 1, j);
                if (name.isEmpty() || name.contains("*")) {
                    throw new StatesError(failure, where + ": '" + path + "' is not a reference path");
                }
                out.add(name);
                i = j;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new StatesError(failure, where + ": unbalanced [ in '" + path + "'");
                }
                String inner = path.substring(i + 1, close).trim();
                if (inner.length() >= 2 && (inner.startsWith("'") && inner.endsWith("'")
                        || inner.startsWith("\"") && inner.endsWith("\""))) {
                    out.add(inner.substring(1, inner.length() - 1));
                } else if (inner.matches("\\d+")) {
                    out.add(Integer.parseInt(inner));
                } else {
                    throw new StatesError(failure, where + ": '" + path + "' is not a reference path (["
                            + inner + "])");
                }
                i = close + 1;
            } else {
                throw new StatesError(failure, where + ": unexpected '" + c + "' in path '" + path + "'");
            }
        }
        return out;
    }

    /**
     * Evaluates a payload template: values of keys ending in {@code .$} are paths ({@code $...},
     * {@code $$...}) or intrinsic function calls, and the key loses its {@code .$}; other values are
     * copied (objects and arrays recursively).
     */
    static JsonNode template(JsonNode template, JsonNode input, JsonNode context, Intrinsics intrinsics,
                             String where) {
        if (template.isObject()) {
            ObjectNode out = NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> it = template.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                if (key.endsWith(".$")) {
                    String name = key.substring(0, key.length() - 2);
                    if (!e.getValue().isTextual()) {
                        throw new StatesError(StatesError.RUNTIME, where + ": the value of '" + key
                                + "' must be a path or an intrinsic function, was " + e.getValue());
                    }
                    out.set(name, dynamic(e.getValue().asText(), input, context, intrinsics, where + "." + key));
                } else {
                    out.set(key, template(e.getValue(), input, context, intrinsics, where + "." + key));
                }
            }
            return out;
        }
        if (template.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < template.size(); i++) {
                out.add(template(template.get(i), input, context, intrinsics, where + "[" + i + "]"));
            }
            return out;
        }
        return template.deepCopy();
    }

    static JsonNode dynamic(String expression, JsonNode input, JsonNode context, Intrinsics intrinsics,
                            String where) {
        String e = expression.trim();
        if (e.startsWith("States.")) {
            return intrinsics.evaluate(e, input, context, where);
        }
        return read(e, input, context, StatesError.RUNTIME, where);
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...(" + s.length() + " chars)";
    }
}
