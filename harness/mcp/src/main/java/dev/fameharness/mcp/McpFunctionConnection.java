package dev.fameharness.mcp;

import dev.fameharness.api.faas.FunctionRuntime;
import dev.fameharness.api.tools.ToolDescriptor;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A synchronous MCP client for one server hosted as a function. Every message is built with the SDK's
 * {@link McpSchema} types and serialised with the SDK's mapper, sent as the payload of one synchronous
 * invocation on the calling thread, and the response is parsed the same way.
 *
 * <p>No lock is held across an invocation: under the virtual clock an invocation lets virtual time pass,
 * and a Java lock held meanwhile would block the real thread of whichever process ran next. Two processes
 * connecting at once may both initialise; that costs an extra handshake, as two real clients would.
 */
final class McpFunctionConnection {

    static final String PROTOCOL_VERSION = ProtocolVersions.MCP_2025_11_25;
    static final List<String> SUPPORTED_VERSIONS = List.of(ProtocolVersions.MCP_2025_03_26,
            ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);

    private final String server;
    private final String function;
    private final FunctionRuntime runtime;
    private final McpSchema.Implementation clientInfo;
    private final AtomicLong ids = new AtomicLong();
    private volatile McpSchema.InitializeResult initialized;
    private volatile List<ToolDescriptor> tools;

    McpFunctionConnection(String server, String function, FunctionRuntime runtime,
                          McpSchema.Implementation clientInfo) {
        this.server = Objects.requireNonNull(server, "server");
        this.function = Objects.requireNonNull(function, "function");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.clientInfo = Objects.requireNonNull(clientInfo, "clientInfo");
    }

    String function() {
        return function;
    }

    /** {@code initialize} then {@code notifications/initialized}, once. */
    McpSchema.InitializeResult initialize() {
        McpSchema.InitializeResult done = initialized;
        if (done != null) {
            return done;
        }
        McpSchema.InitializeRequest request = new McpSchema.InitializeRequest(PROTOCOL_VERSION,
                McpSchema.ClientCapabilities.builder().build(), clientInfo);
        McpSchema.InitializeResult result = McpJson.MAPPER.convertValue(
                requireResult(exchange(McpSchema.METHOD_INITIALIZE, request)), McpSchema.InitializeResult.class);
        if (!SUPPORTED_VERSIONS.contains(result.protocolVersion())) {
            throw new McpProtocolException("MCP server " + server + " (function " + function
                    + ") answered protocol version " + result.protocolVersion() + "; this client speaks "
                    + SUPPORTED_VERSIONS);
        }
        if (result.capabilities() == null || result.capabilities().tools() == null) {
            throw new McpProtocolException("MCP server " + server + " (function " + function
                    + ") does not declare the tools capability");
        }
        byte[] notification = McpJson.write(new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION,
                McpSchema.METHOD_NOTIFICATION_INITIALIZED, null));
        runtime.invoke(function, notification);
        initialized = result;
        return result;
    }

    /** {@code tools/list} (all pages), listed once and cached. */
    List<ToolDescriptor> tools() {
        List<ToolDescriptor> cached = tools;
        if (cached != null) {
            return cached;
        }
        initialize();
        List<ToolDescriptor> listed = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = McpJson.MAPPER.convertValue(
                    requireResult(exchange(McpSchema.METHOD_TOOLS_LIST, new McpSchema.PaginatedRequest(cursor))),
                    McpSchema.ListToolsResult.class);
            for (McpSchema.Tool tool : page.tools()) {
                listed.add(descriptor(tool));
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        List<ToolDescriptor> result = List.copyOf(listed);
        tools = result;
        return result;
    }

    /** A serialised {@code tools/call} request, ready for {@link #send}. */
    Request toolCall(String tool, Map<String, Object> arguments) {
        return request(McpSchema.METHOD_TOOLS_CALL, new McpSchema.CallToolRequest(tool, arguments));
    }

    Exchange exchange(String method, Object params) {
        return send(request(method, params));
    }

    Request request(String method, Object params) {
        long id = ids.incrementAndGet();
        return new Request(method, id,
                McpJson.write(new McpSchema.JSONRPCRequest(McpSchema.JSONRPC_VERSION, method, id, params)));
    }

    /** One request/response over one synchronous invocation, sizes measured on the real bytes. */
    Exchange send(Request request) {
        String method = request.method();
        long id = request.id();
        byte[] response = runtime.invoke(function, request.bytes());
        McpSchema.JSONRPCMessage message;
        try {
            message = McpJson.read(response);
        } catch (Exception e) {
            throw new McpProtocolException("MCP server " + server + " (function " + function + ") answered "
                    + method + " with something that is not JSON-RPC (" + response.length + " bytes)", e);
        }
        if (!(message instanceof McpSchema.JSONRPCResponse rpc)) {
            throw new McpProtocolException("MCP server " + server + " answered " + method + " with a "
                    + message.getClass().getSimpleName() + " instead of a response");
        }
        if (!(rpc.id() instanceof Number n) || n.longValue() != id) {
            throw new McpProtocolException("MCP server " + server + " answered request id " + id + " (" + method
                    + ") with id " + rpc.id());
        }
        return new Exchange(method, rpc, request.bytes().length, response.length);
    }

    private Object requireResult(Exchange exchange) {
        McpSchema.JSONRPCResponse.JSONRPCError error = exchange.response().error();
        if (error != null) {
            throw new McpProtocolException("MCP server " + server + " (function " + function + ") failed "
                    + exchange.method() + ": JSON-RPC error " + error.code() + " " + error.message()
                    + (error.data() == null ? "" : " (" + error.data() + ")"));
        }
        return exchange.response().result();
    }

    private ToolDescriptor descriptor(McpSchema.Tool tool) {
        Map<String, Object> meta = tool.meta() == null ? Map.of() : tool.meta();
        boolean deterministic = Boolean.TRUE.equals(meta.get(McpFunctionServer.DETERMINISTIC_META_KEY));
        String schema = new String(McpJson.write(tool.inputSchema() == null ? Map.of() : tool.inputSchema()),
                StandardCharsets.UTF_8);
        return new ToolDescriptor(server, tool.name(), tool.description() == null ? "" : tool.description(),
                schema, deterministic);
    }

    static Map<String, Object> parseArguments(String argumentsJson) throws Exception {
        Map<String, Object> parsed = McpJson.MAPPER.readValue(argumentsJson, new TypeRef<Map<String, Object>>() {
        });
        if (parsed == null) {
            throw new IllegalArgumentException("arguments must be a JSON object, was null");
        }
        return parsed;
    }

    /** A serialised JSON-RPC request. */
    record Request(String method, long id, byte[] bytes) {
    }

    /** A request and its response, with the sizes of both serialised messages. */
    record Exchange(String method, McpSchema.JSONRPCResponse response, long requestBytes, long responseBytes) {
    }
}
