package dev.fameharness.agent;

import dev.fameharness.api.tools.ToolDescriptor;
import dev.fameharness.api.tools.ToolGateway;
import dev.fameharness.api.tools.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Test fixture: tools answered by functions of their arguments; every call is recorded. */
public final class FakeToolGateway implements ToolGateway {

    public static final String SERVER = "fake";
    static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}},\"required\":[]}";

    /** One recorded call. */
    public record Call(String server, String tool, String arguments) {
    }

    private final Map<String, Function<String, ToolResult>> handlers = new LinkedHashMap<>();
    private final List<ToolDescriptor> descriptors = new ArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public FakeToolGateway tool(String name, boolean deterministic, Function<String, String> body) {
        return toolResult(name, deterministic, args -> ok(body.apply(args)));
    }

    public FakeToolGateway toolResult(String name, boolean deterministic, Function<String, ToolResult> body) {
        handlers.put(name, body);
        descriptors.add(new ToolDescriptor(SERVER, name, "the " + name + " tool", SCHEMA, deterministic));
        return this;
    }

    public static ToolResult ok(String content) {
        long bytes = content.getBytes(StandardCharsets.UTF_8).length;
        return new ToolResult(content, false, 40, bytes + 60);
    }

    @Override
    public List<ToolDescriptor> tools() {
        return List.copyOf(descriptors);
    }

    @Override
    public ToolResult call(String server, String tool, String argumentsJson) {
        calls.add(new Call(server, tool, argumentsJson));
        Function<String, ToolResult> h = handlers.get(tool);
        if (h == null || !SERVER.equals(server)) {
            throw new IllegalArgumentException("no tool " + server + "/" + tool);
        }
        return h.apply(argumentsJson);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }
}
