package dev.fameharness.api.tools;

import java.util.Objects;

/**
 * A tool's answer: its text content, whether the server flagged it as an error ({@code isError}), and the
 * sizes of the JSON-RPC request and response that carried it (0 when served from a cache).
 */
public record ToolResult(String content, boolean error, long requestBytes, long responseBytes) {

    public ToolResult {
        Objects.requireNonNull(content, "content");
    }
}
