package dev.fameharness.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The SDK's own JSON mapper (Jackson 3 via mcp-json-jackson3), so every byte on the wire is the SDK's. */
final class McpJson {

    static final McpJsonMapper MAPPER = McpJsonDefaults.getMapper();

    private McpJson() {
    }

    static byte[] write(Object message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise MCP message " + message, e);
        }
    }

    /** Parses one JSON-RPC message (request, notification or response) as the SDK does. */
    static McpSchema.JSONRPCMessage read(byte[] payload) throws IOException {
        return McpSchema.deserializeJsonRpcMessage(MAPPER, new String(payload, StandardCharsets.UTF_8));
    }
}
