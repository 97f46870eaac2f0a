package dev.fameharness.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tool definitions as the OpenAI chat API receives them in its {@code tools} field:
 * {@code {"type":"function","function":{"name":..,"description":..,"parameters":{JSON schema}}}}. The schema
 * map comes from LangChain4j's own converter ({@link JsonSchemaElementUtils#toMap}), the one its OpenAI
 * client uses, so the text matches the request body up to whitespace.
 */
public final class ToolJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT);

    private ToolJson() {
    }

    /** One tool as an ordered map (name, description, parameters). */
    public static Map<String, Object> toMap(ToolSpecification tool) {
        Map<String, Object> function = new LinkedHashMap<>();
        function.put("name", tool.name());
        if (tool.description() != null) {
            function.put("description", tool.description());
        }
        if (tool.parameters() != null) {
            function.put("parameters", JsonSchemaElementUtils.toMap(tool.parameters()));
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("type", "function");
        wrapped.put("function", function);
        return wrapped;
    }

    /** The tools as ordered maps, in request order. */
    public static List<Map<String, Object>> toMaps(List<ToolSpecification> tools) {
        List<Map<String, Object>> out = new ArrayList<>(tools.size());
        for (ToolSpecification t : tools) {
            out.add(toMap(t));
        }
        return out;
    }

    /** One tool as compact JSON. */
    public static String toJson(ToolSpecification tool) {
        try {
            return JSON.writeValueAsString(toMap(tool));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise tool " + tool.name(), e);
        }
    }
}
