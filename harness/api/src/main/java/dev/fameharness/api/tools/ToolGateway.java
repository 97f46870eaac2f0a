package dev.fameharness.api.tools;

import java.util.List;

/**
 * How the agent's actor reaches tools. The reference implementation speaks MCP JSON-RPC to MCP servers
 * hosted as functions; architectures wrap it (FAME's tool-response cache is a decorator).
 */
public interface ToolGateway {

    /** Every tool of every connected server. */
    List<ToolDescriptor> tools();

    /**
     * Calls a tool with its arguments as a JSON object. Invalid arguments come back as a result with
     * {@code error = true} whose content names the argument; transport and platform failures throw.
     */
    ToolResult call(String server, String tool, String argumentsJson);
}
