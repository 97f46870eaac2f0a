package dev.fameharness.scenario.papers.library;

import dev.fameharness.api.tools.ToolDescriptor;

import java.util.Objects;

/**
 * A paper tool as an MCP server will list it: name, description, JSON schema of its arguments, and whether the
 * same arguments always give the same response (only deterministic tools may be cached).
 */
public record ToolSpec(String name, String description, String inputSchemaJson, boolean deterministic) {

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchemaJson, "inputSchemaJson");
    }

    /** This tool as the api's descriptor, served by {@code server}. */
    public ToolDescriptor toDescriptor(String server) {
        return new ToolDescriptor(server, name, description, inputSchemaJson, deterministic);
    }
}
