package dev.fameharness.api.tools;

import java.util.Objects;

/**
 * A tool as an MCP server lists it ({@code tools/list}), plus whether it is deterministic (same arguments,
 * same response): only deterministic tools may be cached.
 */
public record ToolDescriptor(String server, String name, String description, String inputSchemaJson,
                             boolean deterministic) {

    public ToolDescriptor {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchemaJson, "inputSchemaJson");
    }
}
