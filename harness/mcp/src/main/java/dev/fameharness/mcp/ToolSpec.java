package dev.fameharness.mcp;

import java.util.Objects;

/**
 * One tool of an MCP server: its name and description as listed by {@code tools/list}, its input schema
 * (a JSON Schema object, as JSON text), whether it is deterministic (same arguments, same response: only
 * such tools may be cached by the client) and its handler.
 */
public record ToolSpec(String name, String description, String inputSchemaJson, boolean deterministic,
                       ToolHandler handler) {

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchemaJson, "inputSchemaJson");
        Objects.requireNonNull(handler, "handler");
        // MCP 2025-11-25 tool-name guidance: 1-128 characters of [A-Za-z0-9_.-].
        if (!name.matches("[A-Za-z0-9_.-]{1,128}")) {
            throw new IllegalArgumentException("tool name must be 1-128 of [A-Za-z0-9_.-], was '" + name + "'");
        }
    }
}
