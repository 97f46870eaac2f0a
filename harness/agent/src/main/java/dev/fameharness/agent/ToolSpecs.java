package dev.fameharness.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fameharness.api.error.ConfigException;
import dev.fameharness.api.tools.ToolDescriptor;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Turns MCP tool listings into LangChain4j tool specifications (the JSON Schema subset MCP tools use). */
public final class ToolSpecs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolSpecs() {
    }

    public static List<ToolSpecification> toSpecifications(List<ToolDescriptor> tools) {
        List<ToolSpecification> out = new ArrayList<>(tools.size());
        for (ToolDescriptor t : tools) {
            out.add(toSpecification(t));
        }
        return out;
    }

    public static ToolSpecification toSpecification(ToolDescriptor tool) {
        JsonNode schema;
        try {
            schema = JSON.readTree(tool.inputSchemaJson());
        } catch (IOException e) {
            throw new ConfigException("tool " + tool.server() + "/" + tool.name() + " has an invalid input schema: "
                    + e.getMessage(), e);
        }
        JsonObjectSchema.Builder params = JsonObjectSchema.builder();
        JsonNode props = schema.path("properties");
        Iterator<Map.Entry<String, JsonNode>> it = props.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> p = it.next();
            String type = p.getValue().path("type").asText("string");
            String desc = p.getValue().path("description").asText(null);
            switch (type) {
                case "integer" -> params.addIntegerProperty(p.getKey(), desc);
                case "number" -> params.addNumberProperty(p.getKey(), desc);
                case "boolean" -> params.addBooleanProperty(p.getKey(), desc);
                default -> params.addStringProperty(p.getKey(), desc);
            }
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        params.required(required);
        return ToolSpecification.builder().name(tool.name()).description(tool.description())
                .parameters(params.build()).build();
    }
}
