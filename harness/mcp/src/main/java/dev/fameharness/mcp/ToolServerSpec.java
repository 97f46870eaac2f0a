package dev.fameharness.mcp;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A declarative MCP tool server: the name and version it reports in {@code initialize} ({@code serverInfo})
 * and its tools, listed in this order. Host it as a function with {@link McpFunctionServer#deploy}.
 */
public record ToolServerSpec(String serverName, String version, List<ToolSpec> tools) {

    public ToolServerSpec {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(version, "version");
        tools = List.copyOf(tools);
        if (serverName.isBlank()) {
            throw new IllegalArgumentException("serverName must not be blank");
        }
        Set<String> seen = new HashSet<>();
        for (ToolSpec tool : tools) {
            if (!seen.add(tool.name())) {
                throw new IllegalArgumentException("tool '" + tool.name() + "' declared twice in server " + serverName);
            }
        }
    }

    public static ToolServerSpec of(String serverName, String version, ToolSpec... tools) {
        return new ToolServerSpec(serverName, version, List.of(tools));
    }
}
