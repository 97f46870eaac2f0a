package dev.fameharness.mcp;

import dev.fameharness.api.error.FameException;

/**
 * An MCP exchange that cannot be completed as the protocol says: a response that is not JSON-RPC, an id
 * that does not match, an unsupported protocol version, or a JSON-RPC error other than invalid params
 * (method not found, internal error). Never retriable: it means a misconfigured or broken server.
 */
public class McpProtocolException extends FameException {

    public McpProtocolException(String message) {
        super(message);
    }

    public McpProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
